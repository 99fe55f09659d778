using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A search's next body is the caller's body with one property set in place: the page property is found as the
/// caller's serializer spelled it (any case), an absent or null one means the first page, and every other byte
/// (whatever encoder, naming policy or layout wrote them) is the same on every page.</summary>
public sealed class ASearchBodyKeepsEveryByteButItsPage
{
    private const string Search = "/api/v2/users/search";

    private static readonly JavaScriptEncoder[] Encoders =
    [
        JavaScriptEncoder.Default,
        JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic),
    ];

    private const string Alphabet = "aZ09 <>&'\"\\/+=é ëΩжü中🙂\u00a0\u2028\t\n-_.";

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            // Whole text elements, so a surrogate pair is never split.
            var element = System.Globalization.StringInfo.GetNextTextElement(Alphabet, random.Next(Alphabet.Length));
            if (char.IsLowSurrogate(element[0])) continue;
            builder.Append(element);
        }
        return builder.ToString();
    }

    /// <summary>A value written by the caller's serializer: any JSON shape, text in any script.</summary>
    private static string RandomValue(Random random, JsonSerializerOptions options, int depth = 0) => random.Next(depth > 1 ? 4 : 6) switch
    {
        0 => JsonSerializer.Serialize(RandomText(random), options),
        1 => JsonSerializer.Serialize(random.Next(-1000, 1000) / (random.Next(2) == 0 ? 1.0 : 7.0), options),
        2 => random.Next(2) == 0 ? "true" : "null",
        3 => JsonSerializer.Serialize(new[] { RandomText(random), RandomText(random) }, options),
        4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => RandomValue(random, options, depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(i =>
            JsonSerializer.Serialize(RandomText(random) + i, options) + ":" + RandomValue(random, options, depth + 1))) + "}",
    };

    /// <summary>A body as the caller's serializer writes it, with the page property's value given as raw JSON (or no such
    /// property when null), at a random position.</summary>
    private sealed record Body(List<(string Name, string Json)> Properties, JsonSerializerOptions Options, bool Indented)
    {
        public byte[] With(string pageName, string? pageJson, int position)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, Indented = Indented, SkipValidation = false }))
            {
                writer.WriteStartObject();
                for (var i = 0; i <= Properties.Count; i++)
                {
                    if (i == position && pageJson is not null)
                    {
                        writer.WritePropertyName(pageName);
                        writer.WriteRawValue(pageJson);
                    }
                    if (i == Properties.Count) break;
                    writer.WritePropertyName(Properties[i].Name);
                    writer.WriteRawValue(Properties[i].Json);
                }
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
    }

    private static string Spelled(Random random, string name) => random.Next(4) switch
    {
        0 => name,
        1 => char.ToUpperInvariant(name[0]) + name[1..],
        2 => name.ToUpperInvariant(),
        _ => name.ToLowerInvariant(),
    };

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 8; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_page_value_is_replaced_in_place_and_every_other_byte_is_kept(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 150; round++)
        {
            var options = new JsonSerializerOptions { Encoder = Encoders[random.Next(Encoders.Length)] };
            var properties = Enumerable.Range(0, random.Next(0, 6))
                .Select(i => ("p" + i + RandomText(random), RandomValue(random, options)))
                .ToList();
            var body = new Body(properties, options, Indented: random.Next(3) == 0);
            var byNumber = random.Next(2) == 0;
            var name = Spelled(random, byNumber ? SearchBody.PageNumber : SearchBody.NextPage);
            var first = random.Next(4) switch
            {
                0 => null,                                                   // absent: the first page
                1 => "null",                                                 // written as null by the caller's serializer
                _ => byNumber ? random.Next(1, 50).ToString() : JsonSerializer.Serialize(RandomText(random) + "=", options),
            };
            var position = random.Next(properties.Count + 1);
            var original = body.With(name, first, position);
            var next = byNumber ? random.Next(2, 100_000).ToString() : "tok+/=" + RandomText(random).Replace("\t", "").Replace("\n", "") + "é";
            var nextJson = byNumber ? next : "\"" + Encoding.UTF8.GetString(JsonEncodedText.Encode(next, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes) + "\"";

            var rewritten = (byNumber ? SearchBody.With(original, SearchBody.PageNumber, int.Parse(next)) : SearchBody.With(original, SearchBody.NextPage, next)).ToArray();

            var context = $"seed {seed} round {round}: {Encoding.UTF8.GetString(original)}";
            if (first is not null)
            {
                // The same body, the same spelling and layout, only the page value differs.
                Assert.True(body.With(name, nextJson, position).AsSpan().SequenceEqual(rewritten), context + " => " + Encoding.UTF8.GetString(rewritten));
            }
            else
            {
                // Added once at the end; everything before the closing brace is as it was.
                var close = Array.LastIndexOf(original, (byte)'}');
                Assert.True(rewritten.AsSpan(0, close).SequenceEqual(original.AsSpan(0, close)), context);
                Assert.True(rewritten.AsSpan(rewritten.Length - (original.Length - close)).SequenceEqual(original.AsSpan(close)), context);
            }
            using var document = JsonDocument.Parse(rewritten);
            var pages = document.RootElement.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Single(pages);
            if (byNumber) Assert.Equal(int.Parse(next), SearchBody.PageNumberOf(rewritten));
            else Assert.Equal(next, SearchBody.NextPageOf(rewritten));
        }
    }

    [Theory]
    [InlineData("""{"pageNumber":"1","q":"x"}""", """{"pageNumber":"7","q":"x"}""")]
    [InlineData("""{"pageNumber":1,"q":"x"}""", """{"pageNumber":7,"q":"x"}""")]
    [InlineData("""{"PAGENUMBER":null}""", """{"PAGENUMBER":7}""")]
    public void A_page_number_keeps_the_json_type_the_caller_wrote(string first, string next) =>
        Assert.Equal(next, Encoding.UTF8.GetString(SearchBody.With(Encoding.UTF8.GetBytes(first), SearchBody.PageNumber, 7).Span));

    public static TheoryData<string, string> UnusablePositions() => new()
    {
        { "BodyPageNumber", """{"pageNumber":"abc"}""" },
        { "BodyPageNumber", """{"pageNumber":0}""" },
        { "BodyPageNumber", """{"PageNumber":-3}""" },
        { "BodyPageNumber", """{"pageNumber":1.5}""" },
        { "BodyPageNumber", """{"pageNumber":true}""" },
        { "BodyPageNumber", """{"pagenumber":{}}""" },
        { "BodyPageNumber", """{"pageNumber":99999999999}""" },
        { "BodyNextPage", """{"nextPage":5}""" },
        { "BodyNextPage", """{"NEXTPAGE":true}""" },
        { "BodyNextPage", """{"nextPage":["t"]}""" },
    };

    [Theory]
    [MemberData(nameof(UnusablePositions))]
    public async Task A_first_body_whose_page_property_cannot_be_a_position_is_refused_before_sending(string style, string body)
    {
        await using var h = await Harness.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => h.Connection.Paginate(
            new GenesysRequest(HttpMethod.Post, Search) { Body = Encoding.UTF8.GetBytes(body) }, TestJson.Default.User, Enum.Parse<PagingStyle>(style), "results"));

        Assert.Contains("for the first page", error.Message);
        Assert.Empty(h.Tap.To(Search));
    }

    private static ScriptedResponse Page(int number, int count, string? nextPage, params string[] ids) => new()
    {
        Path = Search,
        Method = "POST",
        Body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["results"] = ids.Select(id => new Dictionary<string, object> { ["id"] = id, ["name"] = id }).ToArray(),
            ["pageNumber"] = number,
            ["pageCount"] = count,
            ["nextPage"] = nextPage,
        }),
    };

    private static async Task<List<string>> ReadAsync(IAsyncEnumerable<User> users)
    {
        var ids = new List<string>();
        await foreach (var user in users) ids.Add(user.Id);
        return ids;
    }

    private static List<byte[]> BodiesSent(Harness h) => h.Tap.To(Search).Select(r => r.Body!).ToList();

    public static TheoryData<string> SerializerSettings() => new() { "web defaults, nulls written", "declared names", "relaxed encoder", "declared names, relaxed, indented" };

    private static JsonSerializerOptions OptionsFor(string setting) => setting switch
    {
        "web defaults, nulls written" => new JsonSerializerOptions(JsonSerializerDefaults.Web),
        // Declared names out, any case in (Genesys answers in camelCase).
        "declared names" => new JsonSerializerOptions { PropertyNameCaseInsensitive = true },
        "relaxed encoder" => new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        _ => new JsonSerializerOptions { PropertyNameCaseInsensitive = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true },
    };

    [Theory]
    [MemberData(nameof(SerializerSettings))]
    public async Task A_generated_search_pages_by_the_property_its_serializer_wrote_keeping_the_rest_byte_for_byte(string setting)
    {
        await using var h = await Harness.StartAsync(client: o => o.JsonSerializerOptions = OptionsFor(setting));
        var api = IUserSearchApi.Create(h.Connection);
        for (var n = 1; n <= 3; n++) h.Emulator.Enqueue(Page(n, 3, null, $"u{n}"));

        var ids = await ReadAsync(api.SearchAsync(new UserSearchRequest { Query = "Zoë <b>&amp;\" ü 中" }));

        Assert.Equal(["u1", "u2", "u3"], ids);
        var bodies = BodiesSent(h);
        Assert.Equal(3, bodies.Count);
        var first = Encoding.UTF8.GetString(bodies[0]);
        var pageName = setting.Contains("declared") ? "PageNumber" : "pageNumber";
        for (var n = 2; n <= 3; n++)
        {
            // Page n's body is page 1's with the page value alone changed: the name as written, nothing added beside it.
            var sent = Encoding.UTF8.GetString(bodies[n - 1]);
            var separator = setting.Contains("indented") ? ": " : ":";
            Assert.Equal(first.Replace($"\"{pageName}\"{separator}null", $"\"{pageName}\"{separator}{n}"), sent);
            using var document = JsonDocument.Parse(bodies[n - 1]);
            Assert.Single(document.RootElement.EnumerateObject(), p => p.Name.Equals("pageNumber", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(SerializerSettings))]
    public async Task A_generated_next_page_search_sets_the_token_where_its_serializer_wrote_it(string setting)
    {
        await using var h = await Harness.StartAsync(client: o => o.JsonSerializerOptions = OptionsFor(setting));
        var api = IUserSearchApi.Create(h.Connection);
        h.Emulator.Enqueue(Page(1, 2, "tok+/é=", "u1"));
        h.Emulator.Enqueue(Page(2, 2, null, "u2"));

        Assert.Equal(["u1", "u2"], await ReadAsync(api.SearchByTokenAsync(new UserSearchRequest { Query = "<Zoë>" })));

        var bodies = BodiesSent(h);
        using var second = JsonDocument.Parse(bodies[1]);
        var tokens = second.RootElement.EnumerateObject().Where(p => p.Name.Equals("nextPage", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal("tok+/é=", Assert.Single(tokens).Value.GetString());
        var query = setting.Contains("declared") ? "Query" : "query";
        Assert.Equal(
            JsonDocument.Parse(bodies[0]).RootElement.GetProperty(query).GetRawText(),
            second.RootElement.GetProperty(query).GetRawText());
    }
}
