using System.Globalization;

namespace GenesysCloud.Typed.Samples;

/// <summary>Values from the samples' command lines, checked alike in every sample: a bad one is an ArgumentException
/// naming the flag, which the samples turn into exit code 2. Compiled into each sample (linked), not a package.</summary>
internal static class CommandLineValues
{
    public static int Range(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{name} must be from {min} to {max}, not {value}.");

    public static double Share(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentException($"{name} must be between 0 and 1, not {value}.");

    /// <summary>"500ms", "5s", "2m", "24h", or a bare number of seconds; from 1 ms to 365 days.</summary>
    public static TimeSpan Duration(string text, string name)
    {
        var t = text.Trim().ToLowerInvariant();
        var (number, unit) = t.EndsWith("ms") ? (t[..^2], 0.001) : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0) : t.EndsWith('h') ? (t[..^1], 3600.0) : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0 ||
            amount * unit > TimeSpan.FromDays(365).TotalSeconds)
            throw new ArgumentException($"{name} '{text}' is not a duration from 1ms to 365 days, such as 500ms, 5s, 2m or 24h.");
        return TimeSpan.FromSeconds(amount * unit);
    }
}
