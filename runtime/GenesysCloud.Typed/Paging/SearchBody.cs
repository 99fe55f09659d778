using System.Buffers;
using System.Text.Json;

namespace GenesysCloud.Typed;

/// <summary>The next request of a search whose paging lives in the JSON body: the same body with one top-level property
/// (<c>pageNumber</c> or <c>nextPage</c>) set, every other property kept byte for byte.</summary>
internal static class SearchBody
{
    public const string PageNumber = "pageNumber";
    public const string NextPage = "nextPage";

    /// <summary>Refuses, before anything is sent, a search body the paging cannot carry its position in.</summary>
    public static void EnsureObject(GenesysRequest request)
    {
        if (request.Body is not { } body)
            throw new ArgumentException($"{request} pages through its JSON body, but has no body.", nameof(request));
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"{request} pages through its JSON body, which must be an object, not {document.RootElement.ValueKind}.", nameof(request));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{request} pages through its JSON body, which is not JSON: {ex.Message}", nameof(request), ex);
        }
    }

    /// <summary>The page number the body asks for (1 when it does not say).</summary>
    public static int PageNumberOf(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty(PageNumber, out var number) && number.TryGetInt32(out var value) ? value : 1;
    }

    /// <summary>The nextPage token the body carries, if any.</summary>
    public static string? NextPageOf(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty(NextPage, out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
    }

    public static ReadOnlyMemory<byte> With(ReadOnlyMemory<byte> body, string name, int value) => Rewrite(body, name, w => w.WriteNumber(name, value));

    public static ReadOnlyMemory<byte> With(ReadOnlyMemory<byte> body, string name, string value) => Rewrite(body, name, w => w.WriteString(name, value));

    private static ReadOnlyMemory<byte> Rewrite(ReadOnlyMemory<byte> body, string name, Action<Utf8JsonWriter> write)
    {
        using var document = JsonDocument.Parse(body);
        var buffer = new ArrayBufferWriter<byte>(body.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
                if (!property.NameEquals(name)) property.WriteTo(writer);
            write(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory.ToArray();
    }
}
