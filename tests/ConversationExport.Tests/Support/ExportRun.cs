using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ConversationExport;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport.Tests;

/// <summary>What the export's tests share: a temporary folder for the NDJSON, the summary and the checkpoint, the settings
/// and remote of a run, and the export started as a process.</summary>
public abstract class ExportRun : IDisposable
{
    protected const string AllOf2026 = "2026-01-01T00:00:00Z/2027-01-01T00:00:00Z";
    protected readonly string _dir = Directory.CreateTempSubdirectory("export-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    protected ExportSettings Settings(bool resume = false, int pageSize = 500) => new()
    {
        OutputPath = Path.Combine(_dir, "conversations.ndjson"),
        JsonPath = Path.Combine(_dir, "summary.json"),
        Interval = AllOf2026,
        PageSize = pageSize,
        Resume = resume,
    };

    protected static RemoteSettings Remote(GenesysCloudEmulator emulator) =>
        new(emulator.BaseAddress, null, EmulatorClient.Default.ClientId, EmulatorClient.Default.ClientSecret!);

    protected static List<string> IdsIn(string ndjson) =>
        File.ReadLines(ndjson).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("conversationId").GetString()!).ToList();

    protected static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["GENESYS_CLIENT_SECRET"] = EmulatorClient.Default.ClientSecret!;
        info.Environment.Remove("GENESYS_CLIENT_ID");
        return Process.Start(info)!;
    }

    protected static string Dll => Path.Combine(AppContext.BaseDirectory, "ConversationExport.dll");

    protected static ExportCheckpoint? Checkpoint(string path)
    {
        try
        {
            return ExportCheckpoint.Load(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            return null;   // caught between write and rename
        }
    }
}
