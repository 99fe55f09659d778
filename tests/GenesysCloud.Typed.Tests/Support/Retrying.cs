using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Scripted answers and waits that the retry promises share.</summary>
public static class Retrying
{
    public static ScriptedResponse Throttle(string path, string? retryAfter) => new()
    {
        Path = path,
        Status = 429,
        Body = """{"message":"Rate limit exceeded the maximum [300] requests within [60] seconds","code":"too.many.requests","status":429}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static ScriptedResponse Answer(string path, int status, string? retryAfter, int times = 1) => new()
    {
        Path = path,
        Status = status,
        Times = times,
        Body = $$"""{"message":"try later","code":"status.{{status}}","status":{{status}}}""",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static string UserPath(Harness h) => "/api/v2/users/" + h.Emulator.Users[0].Id;

    public static async Task WaitForRetryDecisionAsync(Harness h)
    {
        for (var i = 0; i < 2000 && !h.Logs.Collector.GetSnapshot().Any(r => r.Message.Contains("waiting")); i++) await Task.Delay(5);
    }

    public static async Task<T> WaitAsync<T>(Harness h, Task<T> call)
    {
        await h.AdvanceUntilDoneAsync(call);
        return await call;
    }
}
