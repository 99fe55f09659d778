namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Emulator and job options out of range are refused at start with a message naming the option.</summary>
public sealed class BadOptionsAreRefusedWithAClearMessage
{

    [Theory]
    [InlineData("rate")]
    [InlineData("sum")]
    [InlineData("lifetime")]
    [InlineData("endless lifetime")]
    [InlineData("clients")]
    [InlineData("duplicate")]
    [InlineData("window")]
    public async Task Invalid_options_are_refused_with_a_clear_message(string what)
    {
        var options = new EmulatorOptions();
        switch (what)
        {
            case "rate": options.Faults.ServerErrorRate = 1.5; break;
            case "sum": options.Faults.ServerErrorRate = 0.6; options.Faults.DropAfterProcessingRate = 0.6; break;
            case "lifetime": options.AccessTokenLifetime = TimeSpan.Zero; break;
            case "endless lifetime": options.AccessTokenLifetime = TimeSpan.MaxValue; break;   // once an overflow on every token request
            case "clients": options.Clients.Clear(); break;
            case "duplicate": options.Clients.Add(EmulatorClient.Default); break;
            case "window": options.RateLimit.Window = TimeSpan.Zero; break;
        }
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => GenesysCloudEmulator.StartAsync(options));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Job_options_out_of_range_are_refused_at_start()
    {
        var bad = new Func<EmulatorOptions>[]
        {
            () => new() { AnalyticsJobFailureRate = -0.1 },
            () => new() { AnalyticsJobFailureRate = 1.5 },
            () => new() { AnalyticsJobFailureRate = double.NaN },
            () => new() { AnalyticsJobDuration = TimeSpan.FromSeconds(-1) },
            () => new() { AnalyticsJobLifetime = TimeSpan.Zero },
            () => new() { AnalyticsJobLifetime = TimeSpan.FromDays(400) },
            () => new() { AnalyticsStatusPollsPerMinute = 0 },
            () => new() { AnalyticsPollsBeforeFulfilled = -1 },
            () => new() { ConversationCount = -1 },
        };
        foreach (var options in bad)
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GenesysCloudEmulator.StartAsync(options()));
    }
}
