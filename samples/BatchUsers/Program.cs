using System.CommandLine;
using System.Globalization;
using BatchUsers;
using GenesysCloud.Typed;

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

var root = new RootCommand("Sets one field on every user of a Genesys Cloud org, correctly across token lifetimes, rate limits and faults.")
{
    field, value, concurrency, pageSize, state, resume, checkpoint, json, apply, region, clientId, pace, users, tokenLifetime, faultRate, dropRate, rateLimit, seed,
};

root.SetAction(async (parse, cancellationToken) =>
{
    try
    {
        var id = parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable("GENESYS_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("GENESYS_CLIENT_SECRET");
        var regionText = parse.GetValue(region) ?? Environment.GetEnvironmentVariable("GENESYS_REGION");
        GenesysSettings? genesys = null;
        if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(secret))
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
            Apply = genesys is null || parse.GetValue(apply),
        };
        var emulator = new EmulatorSettings
        {
            Users = Range(parse.GetValue(users), 0, 1_000_000, "--users"),
            TokenLifetime = Duration(parse.GetValue(tokenLifetime)!),
            FaultRate = Share(parse.GetValue(faultRate), "--fault-rate"),
            DropRate = Share(parse.GetValue(dropRate), "--drop-rate"),
            RateLimit = Range(parse.GetValue(rateLimit), 1, 10_000_000, "--rate-limit"),
            Seed = parse.GetValue(seed),
        };
        IProgressView view = !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveProgressView()
            : new PlainProgressView(Console.Out);
        var (_, exit) = await BatchApp.RunAsync(settings, emulator, genesys, view, cancellationToken);
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
});

// Ctrl+C cancels the action's token: the job stops starting users, lets in-flight ones finish and saves its checkpoint.
// Give that time before System.CommandLine ends the process.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(2) });

static int Range(int value, int min, int max, string name) =>
    value >= min && value <= max ? value : throw new ArgumentException($"{name} must be from {min} to {max}, not {value}.");

static double Share(double value, string name) =>
    value is >= 0 and <= 1 ? value : throw new ArgumentException($"{name} must be between 0 and 1, not {value}.");

static TimeSpan Duration(string text)
{
    var t = text.Trim().ToLowerInvariant();
    var (number, unit) = t.EndsWith("ms") ? (t[..^2], 0.001) : t.EndsWith('s') ? (t[..^1], 1.0)
        : t.EndsWith('m') ? (t[..^1], 60.0) : t.EndsWith('h') ? (t[..^1], 3600.0) : (t, 1.0);
    if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        throw new ArgumentException($"--token-lifetime '{text}' is not a duration such as 500ms, 5s, 2m or 24h.");
    return TimeSpan.FromSeconds(amount * unit);
}
