using System.Buffers;

namespace GenesysCloud.Typed;

/// <summary>A buffered answer's body as one span of bytes, so that System.Text.Json parses it in one pass: from a
/// <see cref="Stream"/> the serializer must be ready to stop and resume at every buffer boundary, and pays for that
/// readiness in every object it reads, even when the whole body is in memory already.</summary>
internal readonly ref struct BufferedBody : IDisposable
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly byte[]? _rented;

    private BufferedBody(ReadOnlySpan<byte> bytes, byte[]? rented)
    {
        Bytes = bytes;
        _rented = rented;
    }

    /// <summary>The body as sent.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The body without a UTF-8 byte order mark (which the serializer skips when it reads a stream, and refuses
    /// in a span).</summary>
    public ReadOnlySpan<byte> Json => Bytes.StartsWith(Utf8Bom) ? Bytes[Utf8Bom.Length..] : Bytes;

    /// <summary>The rest of <paramref name="stream"/>: its own buffer when it exposes one, otherwise a copy into a pooled
    /// array (returned on <see cref="Dispose"/>; nothing parsed from it keeps a reference to it).</summary>
    public static BufferedBody Of(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
            return new(buffer.AsSpan((int)memory.Position), null);
        if (!stream.CanSeek)
        {
            // Not a buffered body (a stage answered with its own content): read it whole.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new(copy.GetBuffer().AsSpan(0, (int)copy.Length), null);
        }
        var length = checked((int)(stream.Length - stream.Position));
        var rented = ArrayPool<byte>.Shared.Rent(length);
        stream.ReadExactly(rented, 0, length);
        return new(rented.AsSpan(0, length), rented);
    }

    public void Dispose()
    {
        if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
    }
}
