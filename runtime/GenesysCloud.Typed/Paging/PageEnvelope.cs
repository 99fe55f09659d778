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
        if (!typeof(T).IsValueType && data.Items.IndexOf(default!) is var at and >= 0)
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
        var link = JsonMetadataServices.CreateValueInfo<PagingField<string>>(options, Lenient.Link);
        var token = JsonMetadataServices.CreateValueInfo<PagingField<string>>(options, Lenient.Token);
        var number = JsonMetadataServices.CreateValueInfo<PagingField<int>>(options, Lenient.Number);
        var int64 = JsonMetadataServices.CreateValueInfo<long?>(options, Lenient.Int64);
        var after = JsonMetadataServices.CreateValueInfo<string?>(options, Lenient.AfterCursor);
        var info = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<PageData<T>>
        {
            ObjectCreator = static () => new PageData<T>(),
            PropertyMetadataInitializer = _ =>
            [
                Property<List<T>>(options, list, itemsProperty, static d => d.Items!, static (d, v) => { d.Items = v; d.HasItems = true; }),
                Property(options, link, "nextUri", static d => default, static (d, v) => d.NextUri = d.Take("nextUri", v)),
                Property(options, token, "cursor", static d => default, static (d, v) => d.Cursor ??= d.Take("cursor", v)),
                Property(options, after, "cursors", static d => null, static (d, v) => d.Cursor ??= v),
                Property(options, token, "nextPage", static d => default, static (d, v) => d.NextPage = d.Take("nextPage", v)),
                Property(options, number, "pageNumber", static d => default, static (d, v) => d.PageNumber = d.Take("pageNumber", v)),
                Property(options, number, "pageCount", static d => default, static (d, v) => d.PageCount = d.Take("pageCount", v)),
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

/// <summary>A paging field as read: its value, absent (null, or not there), or a value that cannot mean what the field
/// means (<see cref="Unreadable"/> holds its JSON, for the error).</summary>
internal readonly record struct PagingField<TValue>(bool HasValue, TValue Value, string? Unreadable);

/// <summary>Paging fields as Genesys sends them, and what a gateway makes of them: a number written as a string ("3") or
/// as 3.0 is that number, and null is absent. A value that cannot be a page number, link or token (a fraction, a number
/// beyond range, an object) is flagged, never taken as absent: the walk stops rather than skip or repeat pages.</summary>
internal static class Lenient
{
    public static readonly JsonConverter<PagingField<string>> Link = new TextConverter(numbersAreText: false);
    public static readonly JsonConverter<PagingField<string>> Token = new TextConverter(numbersAreText: true);
    public static readonly JsonConverter<PagingField<int>> Number = new PageNumberConverter();
    public static readonly JsonConverter<long?> Int64 = new NumberConverter<long>(static (ref Utf8JsonReader r, out long v) => r.TryGetInt64(out v));
    public static readonly JsonConverter<string?> AfterCursor = new AfterCursorConverter();

    private delegate bool TryRead<TNumber>(ref Utf8JsonReader reader, out TNumber value);

    private static string Raw(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var text = document.RootElement.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private sealed class TextConverter(bool numbersAreText) : JsonConverter<PagingField<string>>
    {
        public override bool HandleNull => true;

        public override PagingField<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => new(true, reader.GetString()!, null),
            JsonTokenType.Null => default,
            // A cursor or token of digits is still a cursor; a link is never a number.
            JsonTokenType.Number when numbersAreText => new(true, System.Text.Encoding.UTF8.GetString(reader.ValueSpan), null),
            _ => new(false, "", Raw(ref reader)),
        };

        public override void Write(Utf8JsonWriter writer, PagingField<string> value, JsonSerializerOptions options) => writer.WriteNullValue();
    }

    private sealed class PageNumberConverter : JsonConverter<PagingField<int>>
    {
        public override bool HandleNull => true;

        public override PagingField<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return default;
                case JsonTokenType.Number when reader.TryGetInt32(out var number):
                    return new(true, number, null);
                case JsonTokenType.Number when reader.TryGetDouble(out var real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue:
                    return new(true, (int)real, null);
                case JsonTokenType.String when int.TryParse(reader.GetString(), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    return new(true, parsed, null);
                default:
                    return new(false, 0, Raw(ref reader));
            }
        }

        public override void Write(Utf8JsonWriter writer, PagingField<int> value, JsonSerializerOptions options) => writer.WriteNullValue();
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
    /// <summary>Paging fields whose values could not be read (name → the JSON as sent).</summary>
    public Dictionary<string, string>? Unreadable { get; private set; }

    public int? Take(string name, PagingField<int> field)
    {
        Note(name, field.Unreadable);
        return field.HasValue ? field.Value : null;
    }

    public string? Take(string name, PagingField<string> field)
    {
        Note(name, field.Unreadable);
        return field.HasValue ? field.Value : null;
    }

    private void Note(string name, string? unreadable)
    {
        if (unreadable is not null) (Unreadable ??= new(StringComparer.Ordinal))[name] = unreadable;
    }

    public List<T>? Items { get; set; }
    public bool HasItems { get; set; }
    public string? NextUri { get; set; }
    public string? Cursor { get; set; }
    public string? NextPage { get; set; }
    public int? PageNumber { get; set; }
    public int? PageCount { get; set; }
    public long? Total { get; set; }
}
