// The Genesys Cloud emulator as a process, for tools outside .NET:
//   dotnet run --project samples/EmulatorHost -- --port 5099 --users 2000 --conversations 50000 --token-lifetime 5s
// It prints its address and OAuth client, and serves until Ctrl+C. Stats: GET {address}emulator/stats; seeding and span: GET {address}emulator/info
using GenesysCloud.Typed.Samples;
using GenesysCloud.Typed.Testing;

var options = new EmulatorOptions();
string? clientId = null, clientSecret = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--port": options.Port = int.Parse(Value()); break;
            case "--users": options.UserCount = int.Parse(Value()); break;
            case "--conversations": options.ConversationCount = int.Parse(Value()); break;
            case "--seed": options.Seed = int.Parse(Value()); break;
            case "--token-lifetime": options.AccessTokenLifetime = CommandLineValues.Duration(Value(), "--token-lifetime"); break;
            case "--rate-limit": options.RateLimit.RequestsPerWindow = int.Parse(Value()); break;
            case "--fault-rate": options.Faults.ServerErrorRate = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--drop-rate":
                var drop = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture);
                options.Faults.DropBeforeProcessingRate = drop / 2;
                options.Faults.DropAfterProcessingRate = drop / 2;
                break;
            case "--rotate-refresh-tokens": options.RotateRefreshTokens = true; break;
            case "--rate-limit-key":
                options.RateLimit.Key = Value() switch
                {
                    "client" => RateLimitKey.Client,
                    "token" => RateLimitKey.AccessToken,
                    var other => throw new ArgumentException($"--rate-limit-key must be client (one budget per OAuth client, shared by all its tokens) or token, not '{other}'."),
                };
                break;
            case "--client-id": clientId = Value(); break;
            case "--client-secret": clientSecret = Value(); break;
            case "-h" or "--help":
                Console.WriteLine("EmulatorHost [--port N] [--users N] [--conversations N] [--seed N] [--token-lifetime 5s|500ms|24h] [--rate-limit N/min] [--rate-limit-key client|token] " +
                                  "[--client-id ID] [--client-secret SECRET] [--fault-rate 0..1] [--drop-rate 0..1] [--rotate-refresh-tokens]");
                return 0;
            default:
                Console.Error.WriteLine($"Unknown option {args[i]}; see --help.");
                return 2;
        }
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (clientId is not null || clientSecret is not null)
{
    // The credentials it accepts (the defaults otherwise); every process using them shares the client's budget.
    options.Clients = [new EmulatorClient { ClientId = clientId ?? EmulatorClient.Default.ClientId, ClientSecret = clientSecret ?? EmulatorClient.Default.ClientSecret }];
}

await using var emulator = await GenesysCloudEmulator.StartAsync(options);
var client = options.Clients[0];
Console.WriteLine($"Genesys Cloud emulator listening on {emulator.BaseAddress}");
Console.WriteLine($"  token endpoint: {emulator.BaseAddress}oauth/token   API: {emulator.BaseAddress}api/v2/");
Console.WriteLine(clientSecret is null
    ? $"  OAuth client:   id={client.ClientId} secret={client.ClientSecret}  (emulator-only credentials)"
    : $"  OAuth client:   id={client.ClientId} (secret as given)");
Console.WriteLine($"  rate limit: {options.RateLimit.RequestsPerWindow}/min per {(options.RateLimit.Key == RateLimitKey.Client ? "OAuth client" : "access token")}");
Console.WriteLine($"  users: {options.UserCount}, conversations: {options.ConversationCount} ({emulator.ConversationSpan.Start:O}/{emulator.ConversationSpan.End:O}), token lifetime: {options.AccessTokenLifetime}, stats: {emulator.BaseAddress}emulator/stats");
Console.WriteLine("Press Ctrl+C to stop.");

var stop = new TaskCompletionSource();
// SIGTERM as well as Ctrl+C: the web host's console lifetime takes SIGTERM for itself and would leave Main waiting.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context => { context.Cancel = true; stop.TrySetResult(); });
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
