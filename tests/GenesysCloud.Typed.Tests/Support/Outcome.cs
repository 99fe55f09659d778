namespace GenesysCloud.Typed.Tests;

/// <summary>How a call ended, for tests that compare outcomes across many inputs.</summary>
public static class Outcome
{
    /// <summary>The exception the task ended with, or null when it succeeded.</summary>
    public static async Task<Exception?> Of(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public static Task<Exception?> Of(Func<Task> call) => Of(Task.Run(call));

    /// <summary>True when <paramref name="value"/> holds a surrogate without its pair: text with no UTF-8 form.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return true;
        }
        return false;
    }
}
