using System.CommandLine;
using static GenesysCloud.Typed.Samples.CommandLineValues;
using System.Globalization;
using ConversationExport;
using GenesysCloud.Typed;

// Exports every conversation of an interval to NDJSON through an analytics details job, resumable after a crash. With no
// credentials it runs on the embedded emulator.

var output = new Option<string>("--out") { Description = "NDJSON output file: one conversation per line.", DefaultValueFactory = _ => "conversations.ndjson" };
var json = new Option<string?>("--json") { Description = "Write a JSON summary to this file." };
var resume = new Option<bool>("--resume") { Description = "Continue an interrupted export from its checkpoint (<out>.checkpoint.json)." };
var interval = new Option<string?>("--interval") { Description = "ISO 8601 interval start/end. Default: every conversation of the emulator (embedded or a host), yesterday (UTC) on Genesys Cloud." };
var pageSize = new Option<int>("--page-size") { Description = "Conversations per results page (1-1000).", DefaultValueFactory = _ => 500 };
var emulatorUrl = new Option<string?>("--emulator") { Description = "Use an emulator host already running at this address (secret from GENESYS_CLIENT_SECRET)." };
var clientId = new Option<string?>("--client-id") { Description = "OAuth client id; overrides GENESYS_CLIENT_ID. The secret is read only from GENESYS_CLIENT_SECRET." };
var region = new Option<string?>("--region") { Description = "Genesys Cloud region (e.g. us_east_1); overrides GENESYS_REGION." };
var conversations = new Option<int>("--conversations") { Description = "Emulator: how many conversations there are.", DefaultValueFactory = _ => 5000 };
var tokenLifetime = new Option<string>("--token-lifetime") { Description = "Emulator: access-token lifetime (500ms, 2s, 24h).", DefaultValueFactory = _ => "5s" };
var faultRate = new Option<double>("--fault-rate") { Description = "Emulator: share of requests answered 500/502/503/504.", DefaultValueFactory = _ => 0.02 };
var dropRate = new Option<double>("--drop-rate") { Description = "Emulator: share of connections dropped.", DefaultValueFactory = _ => 0.01 };
var seed = new Option<int>("--seed") { Description = "Emulator: seed for conversations and faults.", DefaultValueFactory = _ => 1 };

var root = new RootCommand("Exports every conversation of an interval to NDJSON through a Genesys Cloud analytics job, resumably.")
{
    output, json, resume, interval, pageSize, emulatorUrl, clientId, region, conversations, tokenLifetime, faultRate, dropRate, seed,
};

root.SetAction(async (parse, cancellationToken) =>
{
    try
    {
        var id = parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable("GENESYS_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("GENESYS_CLIENT_SECRET");
        RemoteSettings? remote = null;
        if (parse.GetValue(emulatorUrl) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"--emulator '{url}' is not an http(s) address such as http://127.0.0.1:5099/.");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                throw new ArgumentException("--emulator needs --client-id (or GENESYS_CLIENT_ID) and GENESYS_CLIENT_SECRET.");
            remote = new RemoteSettings(address, null, id, secret);
        }
        else if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(secret))
        {
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                throw new ArgumentException("Set both GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (or neither, to use the emulator).");
            var regionText = parse.GetValue(region) ?? Environment.GetEnvironmentVariable("GENESYS_REGION");
            if (!GenesysCloudRegions.TryParse(regionText, out var parsedRegion))
                throw new ArgumentException($"Set GENESYS_REGION (or --region) to a Genesys Cloud region such as us_east_1; got '{regionText}'.");
            remote = new RemoteSettings(null, parsedRegion, id, secret);
        }
        var settings = new ExportSettings
        {
            OutputPath = parse.GetValue(output)!,
            JsonPath = parse.GetValue(json),
            Resume = parse.GetValue(resume),
            PageSize = Range(parse.GetValue(pageSize), 1, 1000, "--page-size"),
            // No --interval: yesterday on Genesys Cloud, the whole span of the emulator (embedded, or a host's /emulator/info).
            Interval = parse.GetValue(interval) is { } given ? Interval(given)
                : remote is { Region: not null } ? Yesterday()
                : null,
        };
        var emulator = new EmulatorSettings
        {
            Conversations = Range(parse.GetValue(conversations), 0, 10_000_000, "--conversations"),
            TokenLifetime = Duration(parse.GetValue(tokenLifetime)!, "--token-lifetime"),
            FaultRate = Share(parse.GetValue(faultRate), "--fault-rate"),
            DropRate = Share(parse.GetValue(dropRate), "--drop-rate"),
            Seed = parse.GetValue(seed),
        };
        var (_, exit) = await ExportApp.RunAsync(settings, emulator, remote, Console.Out, cancellationToken);
        return exit;
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return ExportApp.ExitUsage;
    }
    catch (GenesysAuthenticationException ex)
    {
        await Console.Error.WriteLineAsync("Authentication failed: " + ex.Message);
        return ExportApp.ExitFailed;
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        await Console.Error.WriteLineAsync($"Cannot write the export or its checkpoint: {ex.Message}");
        return ExportApp.ExitUsage;
    }
});

// Ctrl+C or SIGTERM cancels the action's token: the page being written is finished and checkpointed, the job is kept.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A flag that does not parse is a usage error (2), like every other bad value.
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    return ExportApp.ExitUsage;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });

static string Yesterday()
{
    var today = DateTime.UtcNow.Date;
    return $"{today.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}/{today:yyyy-MM-ddTHH:mm:ssZ}";
}

static string Interval(string text)
{
    var parts = text.Split('/');
    if (parts.Length != 2 || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ||
        !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) || end <= start)
    {
        throw new ArgumentException($"--interval '{text}' is not an ISO 8601 interval start/end with end after start.");
    }
    return text;
}
