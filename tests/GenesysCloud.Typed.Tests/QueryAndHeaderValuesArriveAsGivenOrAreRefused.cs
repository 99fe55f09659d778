using System.Text;

namespace GenesysCloud.Typed.Tests;

/// <summary>Query and header values over generated strings: a query value arrives as exactly its own key=value pair,
/// whatever it holds; a header value either arrives unchanged or is refused before anything is sent, never split into a
/// second header.</summary>
public sealed class QueryAndHeaderValuesArriveAsGivenOrAreRefused
{
    private static readonly string[] Pieces =
    [
        "&", "=", "?", "#", "+", "%", "%20", "%26", " ", "\t", "\r", "\n", "\r\nX-Injected: 1", "\0", "\u007f", "é", "ユ", "😀", "\ud800",
        "\udc00", "a", "Z", "9", "expand", "pageSize", ";", ",", "/", "\\", "..", "\"", "'", "<", ">", "[", "]", "{", "}", "~", "*",
    ];

    public static IEnumerable<object[]> Values()
    {
        var random = new Random(112711);
        var values = new List<string> { "", " ", "&pageSize=1", "a=b", "%", "\r\nX: y", "\ud83d", "😀" };
        while (values.Count < 300)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 5); n > 0; n--) builder.Append(Pieces[random.Next(Pieces.Length)]);
            values.Add(builder.ToString());
        }
        return values.Distinct().Chunk(60).Select(chunk => new object[] { chunk });
    }

    private static bool IsValidHeaderValue(string value) => value.All(c => c == '\t' || c is >= ' ' and < '\u007f');

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Query_values_arrive_as_exactly_their_own_pairs(string[] values)
    {
        await using var h = await Harness.StartAsync();
        var api = IUsersApi.Create(h.Connection);
        foreach (var value in values)
        {
            var sentBefore = h.Tap.Requests.Count;
            var thrown = await Outcome.Of(async () =>
            {
                await foreach (var _ in api.ListUsersAsync(pageSize: 100, expand: [value, "groups"])) { }
            });
            var sent = h.Tap.Requests.Skip(sentBefore).Where(r => r.Uri.AbsolutePath == "/api/v2/users").ToList();
            if (Utf16.IndexOfUnpairedSurrogate(value) >= 0)
            {
                Assert.IsAssignableFrom<ArgumentException>(thrown);
                Assert.Empty(sent);
                continue;
            }
            Assert.Null(thrown);
            var pairs = sent[0].Uri.Query.TrimStart('?').Split('&')
                .Select(p => p.Split('=') is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : ("?", p)).ToList();
            Assert.Equal([("pageSize", "100"), ("expand", value), ("expand", "groups"), ("state", "active")], pairs);
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Header_values_arrive_unchanged_or_are_refused_before_sending(string[] values)
    {
        await using var h = await Harness.StartAsync();
        var api = IUsersApi.Create(h.Connection);
        var id = h.Emulator.Users[0].Id;
        foreach (var value in values)
        {
            var receivedBefore = h.Emulator.Ledger.RecentRequests.Count;
            var thrown = await Outcome.Of(() => api.GetUserResponseAsync(id, value));
            var received = h.Emulator.Ledger.RecentRequests.Skip(receivedBefore).Where(r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal)).ToList();
            if (!IsValidHeaderValue(value))
            {
                var refused = Assert.IsAssignableFrom<ArgumentException>(thrown);
                Assert.Equal("X-Request-Tag", refused.ParamName);
                Assert.Empty(received);
                continue;
            }
            Assert.Null(thrown);
            var request = Assert.Single(received);
            // Servers trim a header value's surrounding whitespace (RFC 9110 §5.5); nothing else may change.
            Assert.Equal(value.Trim(' ', '\t'), request.Headers["X-Request-Tag"].Trim(' ', '\t'));
            Assert.DoesNotContain(request.Headers.Keys, k => k.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase));
        }
    }
}
