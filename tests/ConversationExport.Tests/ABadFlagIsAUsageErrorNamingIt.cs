using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ConversationExport;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport.Tests;

/// <summary>A bad flag is a usage error (exit 2) that names it, with a message, never a stack trace.</summary>
public sealed class ABadFlagIsAUsageErrorNamingIt : ExportRun
{

    [Theory]
    [InlineData("--page-size", "abc")]
    [InlineData("--page-size", "0")]
    [InlineData("--seed", "x")]
    [InlineData("--bogus", "1")]
    [InlineData("--token-lifetime", "1e400s")]
    [InlineData("--token-lifetime", "Infinitys")]
    [InlineData("--token-lifetime", "NaNs")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--interval", "2026-02-01T00:00:00Z/2026-01-01T00:00:00Z")]
    [InlineData("--emulator", "ftp://x")]
    [InlineData("--out", "/proc/nope/x.ndjson")]
    public async Task A_bad_flag_is_a_usage_error_that_names_it(string flag, string value)
    {
        using var process = Start(["--conversations", "10", flag, value, .. flag == "--out" ? Array.Empty<string>() : ["--out", Path.Combine(_dir, "o.ndjson")]]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == ExportApp.ExitUsage, $"exit {process.ExitCode}: {await stderr}{await stdout}");
        Assert.DoesNotContain("   at ", await stderr);   // a message, not a stack trace
    }
}
