using System.CommandLine;
using static GenesysCloud.Typed.Samples.CommandLineValues;
using System.Globalization;
using BatchUsers;
using GenesysCloud.Typed;
using Microsoft.Extensions.Logging;

// The seed's batch job, done right: set one field on every user of an org, across many token lifetimes, through
// 429s, 5xx and lost responses, without losing or repeating a change. With no credentials it runs on the embedded emulator.

var field = new Option<string>("--field") { Description = "The user field to set: department or title.", DefaultValueFactory = _ => "department" };
var value = new Option<string>("--value") { Description = "The value to set it to.", DefaultValueFactory = _ => "Customer Care" };
var concurrency = new Option<int>("--concurrency") { Description = "Users processed at once.", DefaultValueFactory = _ => 8 };
var pageSize = new Option<int>("--page-size") { Description = "Users per listing page (1-500).", DefaultValueFactory = _ => 100 };
var state = new Option<string>("--state") { Description = "Users to process: any, active or inactive.", DefaultValueFactory = _ => "any" };
var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint of an interrupted run." };
var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint file.", DefaultValueFactory = _ => Path.Combine(".checkpoints", "batchusers.json") };
var json = new Option<string?>("--json") { Description = "Write a JSON summary to this file." };
var apply = new Option<bool>("--apply") { Description = "Against real Genesys Cloud: write the changes (the default is a dry run)." };
var region = new Option<string?>("--region") { Description = "Genesys Cloud region (e.g. us_east_1); overrides GENESYS_REGION." };
var clientId = new Option<string?>("--client-id") { Description = "OAuth client id; overrides GENESYS_CLIENT_ID. The secret is read only from GENESYS_CLIENT_SECRET." };
var pace = new Option<int>("--pace") { Description = "Against real Genesys Cloud: requests per minute to pace at.", DefaultValueFactory = _ => 270 };
var users = new Option<int>("--users") { Description = "Emulator: how many users the org has.", DefaultValueFactory = _ => 2000 };
var tokenLifetime = new Option<string>("--token-lifetime") { Description = "Emulator: access-token lifetime (500ms, 1s, 5s, 24h).", DefaultValueFactory = _ => "5s" };
var faultRate = new Option<double>("--fault-rate") { Description = "Emulator: share of requests answered 500/502/503/504.", DefaultValueFactory = _ => 0.02 };
var dropRate = new Option<double>("--drop-rate") { Description = "Emulator: share of connections dropped (half after the change applied).", DefaultValueFactory = _ => 0.01 };
var rateLimit = new Option<int>("--rate-limit") { Description = "Emulator: requests per minute per OAuth client.", DefaultValueFactory = _ => 3000 };
var seed = new Option<int>("--seed") { Description = "Emulator: seed for users and faults.", DefaultValueFactory = _ => 1 };
var redisOption = new Option<string?>("--redis") { Description = "Join a fleet through this Redis (StackExchange.Redis connection string; password and ssl go in it). The token encryption key is read from GENESYS_TOKEN_KEY (base64, 32 bytes)." };
var runId = new Option<string>("--run-id") { Description = "Fleet: workers with the same run id share one run (work, progress, totals).", DefaultValueFactory = _ => "batchusers" };
var lease = new Option<string>("--lease") { Description = "Fleet: how long a partition stays with a worker that stopped renewing it (5s, 30s).", DefaultValueFactory = _ => "15s" };
var emulatorUrl = new Option<string?>("--emulator") { Description = "Run against an emulator host already running at this URL (client id from --client-id, secret from GENESYS_CLIENT_SECRET); writes are applied." };

var root = new RootCommand("Sets one field on every user of a Genesys Cloud org, correctly across token lifetimes, rate limits and faults.")
{
    field, value, concurrency, pageSize, state, resume, checkpoint, json, apply, region, clientId, pace, users, tokenLifetime, faultRate, dropRate, rateLimit, seed,
    redisOption, runId, lease, emulatorUrl,
};

root.SetAction(async (parse, cancellationToken) =>
{
    try
    {
        var id = parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable("GENESYS_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("GENESYS_CLIENT_SECRET");
        var regionText = parse.GetValue(region) ?? Environment.GetEnvironmentVariable("GENESYS_REGION");
        GenesysSettings? genesys = null;
        if (parse.GetValue(emulatorUrl) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"--emulator '{url}' is not an http(s) URL such as http://127.0.0.1:5099/.");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                throw new ArgumentException("--emulator needs the client id (--client-id or GENESYS_CLIENT_ID) and GENESYS_CLIENT_SECRET.");
            genesys = new GenesysSettings(id, secret, null, parse.GetValue(pace), address);
        }
        else if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(secret))
        {
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                throw new ArgumentException("Set both GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (or neither, to use the emulator).");
            if (!GenesysCloudRegions.TryParse(regionText, out var parsedRegion))
                throw new ArgumentException($"Set GENESYS_REGION (or --region) to a Genesys Cloud region such as us_east_1; got '{regionText}'.");
            genesys = new GenesysSettings(id, secret, parsedRegion, parse.GetValue(pace));
        }
        var settings = new JobSettings
        {
            Change = UserChange.Parse(parse.GetValue(field)!, parse.GetValue(value)!),
            Concurrency = Range(parse.GetValue(concurrency), 1, 256, "--concurrency"),
            PageSize = Range(parse.GetValue(pageSize), 1, 500, "--page-size"),
            State = parse.GetValue(state) is "any" or "active" or "inactive" ? parse.GetValue(state)! : throw new ArgumentException("--state must be any, active or inactive."),
            Resume = parse.GetValue(resume),
            CheckpointPath = parse.GetValue(checkpoint)!,
            JsonPath = parse.GetValue(json),
            Apply = genesys is null || genesys.EmulatorAddress is not null || parse.GetValue(apply),
        };
        FleetSettings? fleet = null;
        if (parse.GetValue(redisOption) is { Length: > 0 } redisConnection)
        {
            var keyText = Environment.GetEnvironmentVariable("GENESYS_TOKEN_KEY");
            if (string.IsNullOrEmpty(keyText))
                throw new ArgumentException("--redis needs GENESYS_TOKEN_KEY: the base64 AES-256 key (same for every worker) that encrypts the shared token in Redis; make one with `openssl rand -base64 32`.");
            var name = parse.GetValue(runId)!;
            if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || c is '{' or '}'))
                throw new ArgumentException("--run-id must be 1-100 characters without braces or control characters.");
            fleet = new FleetSettings(redisConnection, name, Duration(parse.GetValue(lease)!, "--lease"),
                GenesysCloud.Typed.Redis.GenesysRedisOptions.ParseKey(keyText));
        }
        else if (parse.GetResult(runId) is { Implicit: false } || parse.GetResult(lease) is { Implicit: false })
        {
            throw new ArgumentException("--run-id and --lease belong to a fleet run: add --redis <connection string>, or drop them for a single-process run.");
        }
        var emulator = new EmulatorSettings
        {
            Users = Range(parse.GetValue(users), 0, 1_000_000, "--users"),
            TokenLifetime = Duration(parse.GetValue(tokenLifetime)!, "--token-lifetime"),
            FaultRate = Share(parse.GetValue(faultRate), "--fault-rate"),
            DropRate = Share(parse.GetValue(dropRate), "--drop-rate"),
            RateLimit = Range(parse.GetValue(rateLimit), 1, 10_000_000, "--rate-limit"),
            Seed = parse.GetValue(seed),
        };
        IProgressView view = !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveProgressView()
            : new PlainProgressView(Console.Out);
        // Warnings (Redis lost and regained, partitions taken over, retries) go to stderr; the progress view owns stdout.
        using var logging = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .AddFilter("GenesysCloud.Typed", Microsoft.Extensions.Logging.LogLevel.Error)
            .AddFilter("GenesysCloud.Typed.Redis", Microsoft.Extensions.Logging.LogLevel.Information)   // lost and rejoined
            .AddFilter("BatchUsers", Microsoft.Extensions.Logging.LogLevel.Warning)
            .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        var (_, exit) = await BatchApp.RunAsync(settings, emulator, genesys, view, cancellationToken, fleet: fleet, loggerFactory: logging);
        return exit;
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return BatchApp.ExitUsage;
    }
    catch (GenesysAuthenticationException ex)
    {
        await Console.Error.WriteLineAsync("Authentication failed: " + ex.Message);
        return BatchApp.ExitFailures;
    }
    catch (GenesysCloud.Typed.Redis.GenesysRedisConfigurationException ex)
    {
        // The message names the cause (and for a key mismatch GENESYS_TOKEN_KEY), never a password or a key.
        await Console.Error.WriteLineAsync("Fleet configuration error: " + ex.Message);
        return BatchApp.ExitFleetConfiguration;
    }
    catch (FleetRunLostException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return BatchApp.ExitRunLost;
    }
});

// Ctrl+C cancels the action's token: the job stops starting users, lets in-flight ones finish and saves its checkpoint.
// Give that time before System.CommandLine ends the process.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A flag that does not parse is a usage error (2), like every other bad value.
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    return BatchApp.ExitUsage;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(2) });
