using System.Text.Json;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A success body is parsed from the buffer the transport filled, in one piece (not through a stream): whatever its
/// size (below, at and far beyond a stream reader's 16 KB buffer) and whether or not it starts with a UTF-8 byte order
/// mark, it reads as the same values; a broken one is the same invalid-response error, quoting the body as sent.</summary>
public sealed class ASuccessBodyReadsTheSameWhateverItsSizeOrByteOrderMark
{
    private const string Bom = "\uFEFF";

    public static TheoryData<int, bool> PageShapes()
    {
        var shapes = new TheoryData<int, bool>();
        foreach (var size in new[] { 0, 1, 7, 60, 61, 62, 130, 500, 1200 })
            foreach (var bom in new[] { false, true }) shapes.Add(size, bom);
        return shapes;
    }

    [Theory, MemberData(nameof(PageShapes))]
    public async Task A_page_of_any_size_with_or_without_a_byte_order_mark_yields_exactly_its_users(int size, bool bom)
    {
        await using var h = await Harness.StartAsync();
        var users = Enumerable.Range(0, size).Select(UserNumber).ToList();
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users",
            Body = (bom ? Bom : "") + "{\"entities\":[" + string.Join(",", users.Select(u => JsonSerializer.Serialize(u, TestJson.Default.User))) +
                "],\"pageNumber\":1,\"pageCount\":1}",
        });

        var read = new List<User>();
        await foreach (var user in h.ListUsers(size == 0 ? 1 : size)) read.Add(user);

        Assert.Equal(users, read);
    }

    public static TheoryData<int, bool> UserShapes()
    {
        var shapes = new TheoryData<int, bool>();
        foreach (var seed in Enumerable.Range(0, 12))
            foreach (var bom in new[] { false, true }) shapes.Add(seed, bom);
        return shapes;
    }

    [Theory, MemberData(nameof(UserShapes))]
    public async Task A_user_with_or_without_a_byte_order_mark_reads_as_sent(int seed, bool bom)
    {
        await using var h = await Harness.StartAsync();
        var user = UserNumber(seed) with { Title = new string('t', seed * seed * 150) };   // up to ~18 KB
        h.Emulator.Enqueue(new ScriptedResponse { Path = "/api/v2/users/" + user.Id, Body = (bom ? Bom : "") + JsonSerializer.Serialize(user, TestJson.Default.User) });

        Assert.Equal(user, await h.GetUserAsync(user.Id));
    }

    public static TheoryData<string, bool> BrokenBodies()
    {
        var bodies = new TheoryData<string, bool>();
        foreach (var body in new[] { "{\"id\":", "not json", "[1,2,3]", "{\"entities\":{}}", "{\"id\":\"a\"} trailing", "\uFEFF\uFEFF{}" })
            foreach (var page in new[] { false, true }) bodies.Add(body, page);
        return bodies;
    }

    [Theory, MemberData(nameof(BrokenBodies))]
    public async Task A_body_that_does_not_parse_is_an_invalid_response_quoting_its_start(string body, bool page)
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 0);
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(new ScriptedResponse { Path = page ? "/api/v2/users" : "/api/v2/users/" + id, Body = body });

        var error = page
            ? await Assert.ThrowsAsync<GenesysInvalidResponseException>(async () => { await foreach (var _ in h.ListUsers(10)) { } })
            : await Assert.ThrowsAsync<GenesysInvalidResponseException>(() => h.GetUserAsync(id));

        Assert.Contains("Body starts: " + body.TrimStart('\uFEFF')[..Math.Min(body.TrimStart('\uFEFF').Length, 8)], error.Message.Replace("\uFEFF", ""));
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }

    private static User UserNumber(int i) => new()
    {
        Id = $"user-{i:D5}", Name = $"Ünïcode user {i} \u2603", Department = i % 3 == 0 ? null : "Support", State = "active", Version = i,
    };
}
