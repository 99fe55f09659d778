using System.Diagnostics;
using System.Text.Json;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>Scaffolded code runs at once: Users and Analytics from the full-size document (and the hostile document beside
/// them) build warning-free (warnings as errors, nullable on) for net8.0 and net10.0 with the generator and System.Text.Json's,
/// and against the emulator list every user, PATCH one with its version and export a conversation-details job, as a user's
/// first program would.</summary>
public sealed class AScaffoldedClientBuildsAndRunsAgainstTheEmulator
{
    private const string Program = """
        using System.Text.Json;
        using Acme.Genesys;
        using GenesysCloud.Typed;
        using GenesysCloud.Typed.Testing;

        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
        {
            UserCount = 137, ConversationCount = 412, AccessTokenLifetime = TimeSpan.FromSeconds(2),
        });
        await using var connection = new GenesysCloudConnection(new GenesysCloudOptions
        {
            BaseAddress = emulator.BaseAddress,
            ClientId = EmulatorClient.Default.ClientId,
            ClientSecret = EmulatorClient.Default.ClientSecret,
        });
        var users = IUsersApi.Create(connection);
        var listed = new List<User>();
        await foreach (var user in users.GetUsersAsync(pageSize: 25)) listed.Add(user);

        var first = listed[0];
        var patched = await users.PatchUserAsync(first.Id!, new UpdateUser { Version = first.Version, Department = "Scaffolded" });

        var analytics = IAnalyticsApi.Create(connection);
        var conversations = new List<string>();
        await foreach (var conversation in analytics.PostAnalyticsConversationsDetailsJobsAsync(
                           new AsyncConversationQuery { Interval = "2026-01-01T00:00:00Z/2027-01-01T00:00:00Z" }))
        {
            conversations.Add(conversation.ConversationId!);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["users"] = listed.Count,
            ["distinctUsers"] = listed.Select(u => u.Id).Distinct().Count(),
            ["activeUsers"] = emulator.Users.Count(u => u.State == "active"),
            ["patchedDepartment"] = patched.Department,
            ["patchedVersion"] = patched.Version,
            ["versionBefore"] = first.Version,
            ["emulatorDepartment"] = emulator.FindUser(first.Id!)!.Department,
            ["conversations"] = conversations.Count,
            ["distinctConversations"] = conversations.Distinct().Count(),
            ["emulatorConversations"] = emulator.Ledger.AllConversationIds().Count,
        }));
        """;

    [Fact]
    public async Task Users_and_analytics_build_warning_free_and_run_against_the_emulator()
    {
        var root = Fixture.RepositoryRoot;
        var project = Path.Combine(root, "artifacts", "scaffold-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(project);
        try
        {
            await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, Path.Combine(project, "Genesys"), "Acme.Genesys", ["Users", "Analytics"], [], "AcmeJson"), default);
            // Beside it, a document written to collide with everything (HostileDocument), in a namespace of its own.
            var hostile = Path.Combine(project, "hostile.json");
            await File.WriteAllTextAsync(hostile, HostileDocument.Json());
            await Scaffolder.RunAsync(new ScaffoldRequest(hostile, Path.Combine(project, "Hostile"), "Acme.Hostile", [], [], "HostileJson"), default);
            File.Delete(hostile);
            await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), Program);
            await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <IsProductCode>true</IsProductCode>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{root}/runtime/GenesysCloud.Typed/GenesysCloud.Typed.csproj" />
                    <ProjectReference Include="{root}/runtime/GenesysCloud.Typed.Testing/GenesysCloud.Typed.Testing.csproj" />
                    <ProjectReference Include="{root}/generator/GenesysCloud.Typed.Generator/GenesysCloud.Typed.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);

            var build = await RunAsync("dotnet", $"build \"{project}\" -c Release -nologo", TimeSpan.FromMinutes(15));
            Assert.True(build.ExitCode == 0, "The scaffolded Users + Analytics did not build:\n" + Tail(build.Output));
            Assert.Matches(@"\b0 Warning\(s\)", build.Output);

            var run = await RunAsync("dotnet", $"\"{Path.Combine(project, "bin", "Release", "net10.0", "Consumer.dll")}\"", TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, "The scaffolded client failed against the emulator:\n" + Tail(run.Output));
            using var result = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]);
            var r = result.RootElement;
            var active = r.GetProperty("activeUsers").GetInt32();
            Assert.InRange(active, 100, 137);
            Assert.Equal(active, r.GetProperty("users").GetInt32());           // GET /api/v2/users lists active users
            Assert.Equal(active, r.GetProperty("distinctUsers").GetInt32());
            Assert.Equal("Scaffolded", r.GetProperty("patchedDepartment").GetString());
            Assert.Equal("Scaffolded", r.GetProperty("emulatorDepartment").GetString());
            Assert.Equal(r.GetProperty("versionBefore").GetInt32() + 1, r.GetProperty("patchedVersion").GetInt32());
            Assert.Equal(r.GetProperty("emulatorConversations").GetInt32(), r.GetProperty("conversations").GetInt32());
            Assert.Equal(412, r.GetProperty("distinctConversations").GetInt32());
        }
        finally
        {
            try { Directory.Delete(project, recursive: true); } catch (IOException) { }
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];

    internal static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} ran longer than {limit}.");
        }
        return (process.ExitCode, await output + await error);
    }
}
