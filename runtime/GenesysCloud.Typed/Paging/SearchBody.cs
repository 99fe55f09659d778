using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GenesysCloud.Typed;

/// <summary>The next request of a search whose paging lives in the JSON body: the same body with one top-level property
/// (<c>pageNumber</c> or <c>nextPage</c>) set. The property is found as the caller's serializer spelled it (any case) and
/// its value is replaced in place; every other byte of the body is copied as it was, whatever encoder wrote it.</summary>
internal static class SearchBody
{
    public const string PageNumber = "pageNumber";
    public const string NextPage = "nextPage";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Refuses, before anything is sent, a search body the paging cannot carry its position in.</summary>
    public static void EnsureObject(GenesysRequest request, PagingStyle style)
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
        // Absent and null both mean "the first page"; anything else must be a position the walk can read and advance.
        if (style == PagingStyle.BodyPageNumber && Find(body.Span, PageNumber) is { Kind: not JsonTokenType.Null } number && PageNumberIn(body.Span, number) is null)
        {
            throw new ArgumentException(
                $"{request} pages by the body's '{number.Name}', which must be a whole number of at least 1 (or null or absent for the first page), not {Text(body.Span, number)}.",
                nameof(request));
        }
        if (style == PagingStyle.BodyNextPage && Find(body.Span, NextPage) is { Kind: not (JsonTokenType.Null or JsonTokenType.String) } token)
        {
            throw new ArgumentException(
                $"{request} pages by the body's '{token.Name}', which must be a string (or null or absent for the first page), not {Text(body.Span, token)}.",
                nameof(request));
        }
    }

    /// <summary>The page number the body asks for (1 when it does not say, or says null).</summary>
    public static int PageNumberOf(ReadOnlyMemory<byte> body) =>
        Find(body.Span, PageNumber) is { } found ? PageNumberIn(body.Span, found) ?? 1 : 1;

    /// <summary>The nextPage token the body carries, if any.</summary>
    public static string? NextPageOf(ReadOnlyMemory<byte> body)
    {
        if (Find(body.Span, NextPage) is not { Kind: JsonTokenType.String } found) return null;
        var reader = new Utf8JsonReader(body.Span[found.ValueStart..found.ValueEnd]);
        reader.Read();
        return reader.GetString();
    }

    /// <summary>A page number, written as the caller's serializer wrote the first one (a number, or a string of digits
    /// under <c>JsonNumberHandling.WriteAsString</c>).</summary>
    public static ReadOnlyMemory<byte> With(ReadOnlyMemory<byte> body, string name, int value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        return Replace(body, name, kind => Encoding.UTF8.GetBytes(kind == JsonTokenType.String ? "\"" + digits + "\"" : digits));
    }

    public static ReadOnlyMemory<byte> With(ReadOnlyMemory<byte> body, string name, string value)
    {
        // Only what JSON requires is escaped (quotes, backslash, controls): the token goes back as the server wrote it.
        var encoded = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        var quoted = new byte[encoded.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        encoded.CopyTo(quoted.AsSpan(1));
        return Replace(body, name, _ => quoted);
    }

    /// <summary>Every top-level property named <paramref name="name"/> in any case gets the value <paramref name="valueFor"/>
    /// writes for the first one's token kind (null when there is none); without one, the property is added at the end.
    /// Nothing else changes.</summary>
    private static ReadOnlyMemory<byte> Replace(ReadOnlyMemory<byte> body, string name, Func<JsonTokenType?, byte[]> valueFor)
    {
        var span = body.Span;
        var found = FindAll(span, name);
        var json = valueFor(found.Count == 0 ? null : found[0].Kind);
        var output = new ArrayBufferWriter<byte>(body.Length + json.Length + name.Length + 4);
        var copied = 0;
        if (found.Count == 0)
        {
            var close = span.LastIndexOf((byte)'}');
            output.Write(span[..close]);
            output.Write(HasProperties(span) ? ","u8 : ""u8);
            output.Write("\""u8);
            output.Write(Encoding.UTF8.GetBytes(name));
            output.Write("\":"u8);
            output.Write(json);
            copied = close;
        }
        else
        {
            foreach (var property in found)
            {
                output.Write(span[copied..property.ValueStart]);
                output.Write(json);
                copied = property.ValueEnd;
            }
        }
        output.Write(span[copied..]);
        return output.WrittenMemory.ToArray();
    }

    /// <summary>Where a top-level property's value lies in the body (byte offsets) and what kind of token starts it.</summary>
    private readonly record struct Located(string Name, int ValueStart, int ValueEnd, JsonTokenType Kind);

    private static Located? Find(ReadOnlySpan<byte> body, string name) => FindAll(body, name) is [var first, ..] ? first : null;

    private static List<Located> FindAll(ReadOnlySpan<byte> body, string name)
    {
        var found = new List<Located>(1);
        var start = body.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var reader = new Utf8JsonReader(body[start..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();   // the object's start (checked before paging begins)
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var spelled = reader.GetString()!;
            var matches = string.Equals(spelled, name, StringComparison.OrdinalIgnoreCase);
            reader.Read();
            var valueStart = start + (int)reader.TokenStartIndex;
            var kind = reader.TokenType;
            reader.Skip();
            if (matches) found.Add(new Located(spelled, valueStart, start + (int)reader.BytesConsumed, kind));
        }
        return found;
    }

    private static bool HasProperties(ReadOnlySpan<byte> body)
    {
        var start = body.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var reader = new Utf8JsonReader(body[start..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        return reader.Read() && reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>A page number as a JSON number or a numeric string (a serializer told to write numbers as strings).</summary>
    private static int? PageNumberIn(ReadOnlySpan<byte> body, Located found)
    {
        var reader = new Utf8JsonReader(body[found.ValueStart..found.ValueEnd]);
        reader.Read();
        var number = 0;
        var read = reader.TokenType == JsonTokenType.Number ? reader.TryGetInt32(out number)
            : reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number);
        return read && number >= 1 ? number : null;
    }

    private static string Text(ReadOnlySpan<byte> body, Located found)
    {
        var text = Encoding.UTF8.GetString(body[found.ValueStart..found.ValueEnd]);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
