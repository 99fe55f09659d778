using System.Net;
using System.Text;

namespace GenesysCloud.Typed.Tests;

/// <summary>A value bound into a route lands in exactly its one segment, whatever it holds: the request target the
/// emulator receives has the template's segments, and the bound one decodes to the value. The few values no escaping
/// can keep in place ("", ".", "..", unpaired surrogates) are refused before anything is sent.</summary>
public sealed class ARouteValueStaysInItsSegment
{
    // Pieces that URI parsers, proxies and servers treat specially, mixed with ordinary text.
    private static readonly string[] Pieces =
    [
        ".", "..", "/", "\\", "%", "%2e", "%2E", "%2f", "%5C", "%00", "?", "#", ";", "&", "=", "+", " ", "\t", "\r\n", "\0", "\u0001",
        "\u007f", "\u0085", "\u00a0", "\u2028", "é", "ユーザー", "😀", "~", "-", "_", "a", "Z", "0", "users", "api", "v2", "@", ":", "[", "]",
        "'", "\"", "<", ">", "{", "}", "|", "^", "`", "\ud800", "\udc00", "\ufeff", "//", "./", "../", "/..", "%2e%2e", ".%2e", "%u002e",
    ];

    private static readonly string[] Classics =
    [
        "", ".", "..", "...", " ", "/", "\\", "./", "../", "..\\", "%2e", "%2e%2e", "%2E%2E%2F", ".%2e", "..;", "..%00", "?", "#", "?x=1",
        "abc/../def", "a/b", "a\\b", "%", "%%", "\u0000", "\n", "users", "ユーザー", "😀", "\ud83d", "\ude00x", "\u202e", "\ufffd",
    ];

    public static IEnumerable<object[]> Values()
    {
        var random = new Random(20261127);
        var values = new List<string>(Classics);
        while (values.Count < 400)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 6); n > 0; n--) builder.Append(Pieces[random.Next(Pieces.Length)]);
            values.Add(builder.ToString());
        }
        // In batches, so one emulator serves many values and a failure still names its value.
        return values.Distinct().Chunk(50).Select(chunk => new object[] { chunk });
    }

    private static bool MustBeRefused(string value) => value is "" or "." or ".." || Utf16.IndexOfUnpairedSurrogate(value) >= 0;

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Every_route_value_lands_in_exactly_its_segment_or_is_refused_before_sending(string[] values)
    {
        await using var h = await Harness.StartAsync();
        var api = IUsersApi.Create(h.Connection);
        var body = new UpdateUser { Version = 1, Title = "x" };
        var calls = new (string Name, string Suffix, Func<string, Task> Call)[]
        {
            ("GET", "", v => api.GetUserAsync(v)),
            ("PATCH", "", v => api.UpdateUserAsync(v, body)),
            ("GET", "/queues", v => api.GetUserQueuesAsync(v)),
        };
        foreach (var value in values)
        foreach (var (method, suffix, call) in calls)
        {
            var label = $"{method} users/{{userId}}{suffix} with {Show(value)}";
            var sentBefore = h.Tap.Requests.Count;
            var receivedBefore = h.Emulator.Ledger.RecentRequests.Count;
            var thrown = await Outcome.Of(() => call(value));
            var sent = h.Tap.Requests.Skip(sentBefore).Where(r => r.Uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
            var received = h.Emulator.Ledger.RecentRequests.Skip(receivedBefore)
                .Where(r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal)).ToList();
            if (MustBeRefused(value))
            {
                var refused = Assert.IsAssignableFrom<ArgumentException>(thrown);
                Assert.Equal("userId", refused.ParamName);
                Assert.True(sent.Count == 0, $"{label}: refused, yet sent {string.Join(", ", sent.Select(r => r.Uri.PathAndQuery))}");
                continue;
            }
            // What went on the wire is the request target; the emulator, when it accepts the target at all (Kestrel
            // refuses some, e.g. %00), must have received exactly that.
            var target = Assert.Single(sent).Uri.PathAndQuery;
            if (received.Count > 0) Assert.Equal(target, Assert.Single(received).PathAndQuery);
            var path = target.Split('?')[0];
            var segments = path.Split('/');
            var expected = 5 + (suffix.Length == 0 ? 0 : 1);
            Assert.True(segments.Length == expected && segments[1] == "api" && segments[2] == "v2" && segments[3] == "users",
                $"{label}: sent {path}");
            Assert.True(Uri.UnescapeDataString(segments[4]) == value, $"{label}: segment {segments[4]} is not the value");
            Assert.False(segments[4] is "." or "..", $"{label}: a dot segment was sent");
            if (suffix.Length > 0) Assert.Equal("queues", segments[5]);
            if (received.Count == 0)
            {
                Assert.IsType<GenesysApiException>(thrown);   // the server's refusal of the target, as an API error
                continue;
            }
            var error = Assert.IsType<GenesysApiException>(thrown);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Status);
            Assert.Equal(path, error.Path);   // the error names the path actually sent
            Assert.Contains(path, error.Message);
        }
    }

    private static string Show(string value) => string.Concat(value.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));

    [Fact]
    public async Task Route_values_are_escaped_so_they_cannot_change_the_route()
    {
        await using var h = await Harness.StartAsync();
        var users = IUsersApi.Create(h.Connection);
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => users.GetUserAsync("../roles?x=1"));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains(h.Emulator.Ledger.RecentRequests, r => r.PathAndQuery == "/api/v2/users/..%2Froles%3Fx%3D1");
    }
}
