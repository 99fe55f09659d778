using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Typed;

/// <summary>The pages a walk has asked for, to refuse a next page that repeats one: each kept as a 128-bit digest of its
/// key, so a walk of thousands of pages with long cursors holds 16 bytes a page instead of every link. A link's query
/// is compared as a set of non-empty parameters: "?a=1&amp;&amp;b=2" and "?b=2&amp;a=1" name the same page.</summary>
internal sealed class VisitedPages(bool keysAreLinks)
{
    private readonly HashSet<UInt128> _seen = [];

    public int Count => _seen.Count;

    /// <summary>False when the page was asked for before.</summary>
    public bool Add(string key) => _seen.Add(Digest(keysAreLinks ? Normalized(key) : key));

    private static string Normalized(string link)
    {
        var q = link.IndexOf('?');
        if (q < 0) return link;
        var parameters = link[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(parameters, StringComparer.Ordinal);
        return link[..q] + "?" + string.Join('&', parameters);
    }

    private static UInt128 Digest(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }
}
