using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Typed;

/// <summary>The contract of a listing envelope for item type <typeparamref name="T"/>, built from the caller's
/// <see cref="JsonTypeInfo{T}"/> with <see cref="JsonMetadataServices"/> (what System.Text.Json's source generator emits,
/// so AOT-safe and reflection-free): one deserialization reads the whole page, items included, straight from the
/// buffered body. The paging fields are read leniently: a field of the wrong type counts as absent, as before.</summary>
internal static class PageEnvelope<T>
{
    private static readonly ConditionalWeakTable<JsonTypeInfo<T>, ConcurrentDictionary<string, JsonTypeInfo<PageData<T>>>> Cache = new();

    public static JsonTypeInfo<PageData<T>> For(JsonTypeInfo<T> items, string itemsProperty) =>
        Cache.GetValue(items, static _ => new ConcurrentDictionary<string, JsonTypeInfo<PageData<T>>>(StringComparer.Ordinal))
            .GetOrAdd(itemsProperty, static (name, info) => Create(info, name), items);

    public static PageData<T> Read(Stream body, JsonTypeInfo<PageData<T>> envelope, string itemsProperty)
    {
        PageData<T> data;
        try
        {
            data = JsonSerializer.Deserialize(body, envelope) ?? throw new JsonException("A page must be a JSON object, not null.");
        }
        catch (JsonException ex) when (ex.Path == "$." + itemsProperty || ex.Path == "$['" + itemsProperty + "']")
        {
            throw new JsonException($"'{itemsProperty}' is not an array: {ex.Message}", ex);
        }
        if (!data.HasItems) throw new JsonException($"The page has no '{itemsProperty}' array.");
        // An empty org and a broken page must not look alike: null is not an array, and a null item is no item.
        if (data.Items is null) throw new JsonException($"'{itemsProperty}' is null, not an array.");
        if (!typeof(T).IsValueType && data.Items.FindIndex(static item => item is null) is var at and >= 0)
            throw new JsonException($"'{itemsProperty}' holds null at index {at}, not a {typeof(T).Name}.");
        return data;
    }

    private static JsonTypeInfo<PageData<T>> Create(JsonTypeInfo<T> items, string itemsProperty)
    {
        var options = items.Options;
        var list = JsonMetadataServices.CreateListInfo<List<T>, T>(options, new JsonCollectionInfoValues<List<T>>
        {
            ObjectCreator = static () => [],
            ElementInfo = items,
        });
        var text = JsonMetadataServices.CreateValueInfo<string?>(options, Lenient.Text);
        var int32 = JsonMetadataServices.CreateValueInfo<int?>(options, Lenient.Int32);
        var int64 = JsonMetadataServices.CreateValueInfo<long?>(options, Lenient.Int64);
        var after = JsonMetadataServices.CreateValueInfo<string?>(options, Lenient.AfterCursor);
        var info = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<PageData<T>>
        {
            ObjectCreator = static () => new PageData<T>(),
            PropertyMetadataInitializer = _ =>
            [
                Property<List<T>>(options, list, itemsProperty, static d => d.Items!, static (d, v) => { d.Items = v; d.HasItems = true; }),
                Property(options, text, "nextUri", static d => d.NextUri, static (d, v) => d.NextUri = v),
                Property(options, text, "cursor", static d => d.Cursor, static (d, v) => d.Cursor ??= v),
                Property(options, after, "cursors", static d => null, static (d, v) => d.Cursor ??= v),
                Property(options, text, "nextPage", static d => d.NextPage, static (d, v) => d.NextPage = v),
                Property(options, int32, "pageNumber", static d => d.PageNumber, static (d, v) => d.PageNumber = v),
                Property(options, int32, "pageCount", static d => d.PageCount, static (d, v) => d.PageCount = v),
                Property(options, int64, "total", static d => d.Total, static (d, v) => d.Total = v),
            ],
        });
        info.MakeReadOnly();
        return info;
    }

    private static JsonPropertyInfo Property<TValue>(JsonSerializerOptions options, JsonTypeInfo<TValue> type, string name,
        Func<PageData<T>, TValue> get, Action<PageData<T>, TValue> set) =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(PageData<T>),
            PropertyTypeInfo = type,
            PropertyName = name,
            JsonPropertyName = name,
            Getter = o => get((PageData<T>)o),
            Setter = (o, v) => set((PageData<T>)o, v!),
        });
}

/// <summary>Paging fields as Genesys sends them, and anything else as absent: a gateway that stringifies a number or
/// nulls a link must not make a page of good items unreadable.</summary>
internal static class Lenient
{
    public static readonly JsonConverter<string?> Text = new TextConverter();
    public static readonly JsonConverter<int?> Int32 = new NumberConverter<int>(static (ref Utf8JsonReader r, out int v) => r.TryGetInt32(out v));
    public static readonly JsonConverter<long?> Int64 = new NumberConverter<long>(static (ref Utf8JsonReader r, out long v) => r.TryGetInt64(out v));
    public static readonly JsonConverter<string?> AfterCursor = new AfterCursorConverter();

    private delegate bool TryRead<TNumber>(ref Utf8JsonReader reader, out TNumber value);

    private sealed class TextConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class NumberConverter<TNumber>(TryRead<TNumber> tryRead) : JsonConverter<TNumber?> where TNumber : struct
    {
        public override bool HandleNull => true;

        public override TNumber? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && tryRead(ref reader, out var value)) return value;
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, TNumber? value, JsonSerializerOptions options) => writer.WriteNullValue();
    }

    // {"cursors":{"before":"…","after":"…"}}: the next page is after.
    private sealed class AfterCursorConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
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

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}

internal sealed class PageData<T>
{
    public List<T>? Items { get; set; }
    public bool HasItems { get; set; }
    public string? NextUri { get; set; }
    public string? Cursor { get; set; }
    public string? NextPage { get; set; }
    public int? PageNumber { get; set; }
    public int? PageCount { get; set; }
    public long? Total { get; set; }
}
