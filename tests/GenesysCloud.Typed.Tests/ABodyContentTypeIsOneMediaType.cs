namespace GenesysCloud.Typed.Tests;

/// <summary>The body's content type is sent as given (unparsed, for speed), so it is checked where it is set: anything
/// that is not one media type is refused there, naming the property, and can never add or end a header.</summary>
public sealed class ABodyContentTypeIsOneMediaType
{
    public static TheoryData<string> Refused()
    {
        var data = new TheoryData<string> { "", " ", "json", "application/", "/json", "application/json\r\nX-Injected: 1", "application/json\nX: 1",
            "text/plain\0", "applicación/json", "application/json; charset=\"utf-8", "a/b c/d", "application/json,text/plain",
            // Ranges are for Accept, not for a body; a parameter needs a value.
            "*/*", "text/*", "application/*", "*/json", "application/json; charset", "application/json; charset=", "application/json;" };
        // Every control character and a sample of non-ASCII ones, at the end of an otherwise valid type.
        for (var c = 0; c < 0x20; c++) if (c != '\t') data.Add("application/json" + (char)c);
        foreach (var c in "\u007f\u0080\u00a0\u2028\u200b\ufeff") data.Add("application/json" + c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_that_is_not_one_media_type_is_refused_where_it_is_set(string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new GenesysRequest(HttpMethod.Post, "/api/v2/x") { BodyContentType = value });

        Assert.Contains("BodyContentType", error.ParamName + error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData("application/merge-patch+json")]
    public async Task A_media_type_arrives_as_given(string value)
    {
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        var request = new GenesysRequest(HttpMethod.Patch, "/api/v2/users/" + user.Id, "/api/v2/users/{userId}")
        {
            Body = h.Connection.SerializeBody(new UpdateUser { Version = user.Version, Title = "typed" }, TestJson.Default.UpdateUser),
            BodyContentType = value,
        };

        await Outcome.Of(h.Connection.SendAsync(request));

        Assert.Equal(value, Assert.Single(h.Tap.To("/api/v2/users/")).ContentType);
    }
}
