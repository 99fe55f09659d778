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
}
