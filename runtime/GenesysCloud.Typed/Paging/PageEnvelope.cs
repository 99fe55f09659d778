using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Typed;

/// <summary>Reads a listing envelope in one pass: the items with the caller's <see cref="JsonTypeInfo{T}"/> (AOT-safe,
/// no envelope type per T), and the paging fields of both styles.</summary>
internal static class PageEnvelope
{
    public static PageData<T> Read<T>(ReadOnlySpan<byte> json, string itemsProperty, JsonTypeInfo<T> typeInfo)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A page must be a JSON object.");
        List<T>? items = null;
        var data = new PageData<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals(itemsProperty);
            var name = isItems ? itemsProperty : reader.GetString()!;
            reader.Read();
            if (isItems)
            {
                items = ReadItems(ref reader, typeInfo, itemsProperty);
                continue;
            }
            switch (name)
            {
                case "nextUri": data.NextUri = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case "cursor": data.Cursor = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case "cursors" when reader.TokenType == JsonTokenType.StartObject: data.Cursor = ReadAfterCursor(ref reader); break;
                case "pageNumber": data.PageNumber = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : null; break;
                case "pageCount": data.PageCount = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c) ? c : null; break;
                case "total": data.Total = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var t) ? t : null; break;
                default: reader.Skip(); break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("The page's JSON object is not complete.");
        data.Items = items ?? throw new JsonException($"The page has no '{itemsProperty}' array.");
        return data;
    }

    private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo, string itemsProperty)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"'{itemsProperty}' is not an array.");
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = JsonSerializer.Deserialize(ref reader, typeInfo);
            if (item is not null) items.Add(item);
        }
        return items;
    }

    private static string? ReadAfterCursor(ref Utf8JsonReader reader)
    {
        string? after = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAfter = reader.ValueTextEquals("after");
            reader.Read();
            if (isAfter && reader.TokenType == JsonTokenType.String) after = reader.GetString();
            else reader.Skip();
        }
        return after;
    }
}

internal sealed class PageData<T>
{
    public List<T> Items { get; set; } = [];
    public string? NextUri { get; set; }
    public string? Cursor { get; set; }
    public int? PageNumber { get; set; }
    public int? PageCount { get; set; }
    public long? Total { get; set; }
}
