using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

// Shared with BatchUsers.Fleet.Tests (linked).

/// <summary>A real redis-server on a free loopback port with its own temp directory, started and stopped by the test.
/// Append-only persistence is on by default, so a stop and restart (an outage) keeps the data like a production Redis
/// would; <c>persistent: false</c> is a Redis whose restart loses everything.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gct-redis-").FullName;
    private readonly bool _persistent;
    private readonly string[] _extraArgs;
    private Process? _process;

    private RedisServer(int port, string? password, bool persistent, string[] extraArgs) =>
        (Port, Password, _persistent, _extraArgs) = (port, password, persistent, extraArgs);

    public int Port { get; }

    /// <summary>The <c>requirepass</c> of this server, if any (the default user's password).</summary>
    public string? Password { get; }

    /// <summary>What a process under test connects with. The timeouts are what makes a slow answer an outage: 5 s, not a
    /// production-like 1 s, because on a loaded CI machine a 1 s answer happens, and a write that timed out before the
    /// outage a test stages (the process then correctly works alone) left nothing stored to rejoin to.</summary>
    public string ConnectionString => ConnectionStringFor(password: Password);

    /// <summary>The same with other credentials or database: for the tests of what Redis refuses.</summary>
    public string ConnectionStringFor(string? user = null, string? password = null, int? database = null) =>
        $"127.0.0.1:{Port},abortConnect=false,connectTimeout=5000,syncTimeout=5000,asyncTimeout=5000" +
        (user is null ? "" : $",user={user}") + (password is null ? "" : $",password={password}") +
        (database is null ? "" : $",defaultDatabase={database}");

    /// <summary><paramref name="extraArgs"/> are redis-server directives (e.g. an ACL user: <c>--user alice on &gt;pw ~x:* +@all</c>).</summary>
    public static async Task<RedisServer> StartAsync(string? password = null, bool persistent = true, params string[] extraArgs)
    {
        var server = new RedisServer(FreePort(), password, persistent, extraArgs);
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _dir, "--save", "", "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "always" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Password is not null) { info.ArgumentList.Add("--requirepass"); info.ArgumentList.Add(Password); }
        foreach (var arg in _extraArgs) info.ArgumentList.Add(arg);
        try
        {
            _process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it).", ex);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=200" + (Password is null ? "" : $",password={Password}"));
                if ((await probe.GetDatabase().PingAsync()) >= TimeSpan.Zero) return;
            }
            catch (RedisConnectionException)
            {
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    /// <summary>SIGKILL: an outage with no goodbye.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task<IConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(ConnectionString);

    /// <summary>For a test that inspects what is stored: slow is fine (a busy CI machine), failing is not.</summary>
    public async Task<IConnectionMultiplexer> ConnectToInspectAsync() =>
        await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},abortConnect=false,connectTimeout=10000,syncTimeout=30000,asyncTimeout=30000" +
            (Password is null ? "" : $",password={Password}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
