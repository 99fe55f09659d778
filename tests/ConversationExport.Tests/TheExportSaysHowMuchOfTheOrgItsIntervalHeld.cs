using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ConversationExport;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport.Tests;

/// <summary>Without an interval the export covers the emulator's whole span (embedded or a host), not just 2026; an interval
/// holding part of the org exports that part, and the summary and the log say it held n of m conversations.</summary>
public sealed class TheExportSaysHowMuchOfTheOrgItsIntervalHeld : ExportRun
{

    [Fact]
    public async Task Without_an_interval_the_embedded_emulator_exports_its_whole_span_not_just_2026()
    {
        // 80,000 conversations one every ~7 minutes run into 2027: a fixed year would hold only the first 75,086.
        var settings = Settings(pageSize: 1000) with { Interval = null };
        var emulator = new EmulatorSettings { Conversations = 80_000, FaultRate = 0, DropRate = 0, Seed = 5 };
        await using var reference = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 5 });
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, emulator, remote: null, log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.Equal(reference.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.Exported);
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.DoesNotContain(" held ", log.ToString());
    }

    [Fact]
    public async Task Without_an_interval_an_emulator_host_is_exported_whole_as_the_embedded_emulator_is()
    {
        // A host, as samples/EmulatorHost runs it: 80,000 conversations run into 2027, past any fixed year.
        await using var host = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 5 });
        var settings = Settings(pageSize: 1000) with { Interval = null };
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, null, Remote(host), log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(summary.Completed);
        Assert.Equal(host.Ledger.AllConversationIds(), IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.Exported);
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.DoesNotContain(" held ", log.ToString());
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z/2027-01-01T00:00:00Z")]
    [InlineData("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")]
    public async Task An_interval_holding_part_of_an_emulator_hosts_org_is_said_to_hold_n_of_m(string interval)
    {
        await using var host = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 80_000, Seed = 3 });
        var parts = interval.Split('/');
        var expected = host.Ledger.ConversationIdsIn(DateTimeOffset.Parse(parts[0]), DateTimeOffset.Parse(parts[1]));
        var settings = Settings(pageSize: 1000) with { Interval = interval };
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, null, Remote(host), log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(expected.Count < 80_000);
        Assert.Equal(expected, IdsIn(settings.OutputPath));
        Assert.Equal(80_000, summary.OrgConversations);
        Assert.Contains($"The interval {interval} held {expected.Count} of the emulator's 80000 conversations", log.ToString());
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z/2026-01-02T00:00:00Z")]
    [InlineData("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z")]
    [InlineData("2026-01-20T00:00:00Z/2026-03-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")]
    public async Task An_interval_holding_part_of_the_org_exports_that_part_and_the_summary_says_how_many_it_held(string interval)
    {
        var settings = Settings(pageSize: 300) with { Interval = interval };
        var emulator = new EmulatorSettings { Conversations = 5_000, FaultRate = 0, DropRate = 0, Seed = 9 };
        await using var reference = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { ConversationCount = 5_000, Seed = 9 });
        var parts = interval.Split('/');
        var expected = reference.Ledger.ConversationIdsIn(DateTimeOffset.Parse(parts[0]), DateTimeOffset.Parse(parts[1]));
        var log = new StringWriter();

        var (summary, exit) = await ExportApp.RunAsync(settings, emulator, remote: null, log, CancellationToken.None);

        Assert.Equal(ExportApp.ExitOk, exit);
        Assert.True(expected.Count < 5_000);
        Assert.Equal(expected, IdsIn(settings.OutputPath));
        Assert.Equal(expected.Count, summary.Exported);
        Assert.Equal(5_000, summary.OrgConversations);
        Assert.Equal(interval, summary.Interval);
        Assert.Contains($"The interval {interval} held {expected.Count} of the emulator's 5000 conversations", log.ToString());
    }
}
