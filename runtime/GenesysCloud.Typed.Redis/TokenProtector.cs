using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Typed.Redis;

/// <summary>Tokens at rest: AES-256-GCM with a fresh nonce per write and the Redis key as associated data (a blob copied
/// under another client's key does not decrypt), plus a keyed fingerprint (HMAC) so processes can compare tokens inside
/// Redis without the value ever being there in plain text.</summary>
internal sealed class TokenProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _fingerprintKey;

    public TokenProtector(byte[] masterKey)
    {
        // Separate keys for separate jobs, derived from the one configured.
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "GenesysCloud.Typed.Redis token encryption"u8.ToArray());
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "GenesysCloud.Typed.Redis token fingerprint"u8.ToArray());
        // Public by design: tells processes apart by key without revealing it (a one-way derivation under its own label).
        KeyId = Convert.ToHexString(HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 8, info: "GenesysCloud.Typed.Redis key id"u8.ToArray())).ToLowerInvariant();
    }

    /// <summary>A short public identifier of the configured key: equal for equal keys, safe to store and log.</summary>
    public string KeyId { get; }

    public byte[] Protect(string token, string redisKey)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var blob = new byte[1 + NonceSize + TagSize + plain.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(redisKey));
        CryptographicOperations.ZeroMemory(plain);
        return blob;
    }

    /// <summary>The token, or null when the blob was not written with this key for this Redis key.</summary>
    public string? Unprotect(byte[] blob, string redisKey)
    {
        if (blob.Length < 1 + NonceSize + TagSize || blob[0] != Version) return null;
        var plain = new byte[blob.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_encryptionKey, TagSize);
            aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(redisKey));
            return Encoding.UTF8.GetString(plain);
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public string Fingerprint(string token) =>
        Convert.ToBase64String(HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));

    public override string ToString() => "TokenProtector(keys redacted)";
}
