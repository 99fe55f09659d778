using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed.Redis;

/// <summary>Every log line of the fleet package. None takes a token, a key or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Redis is unreachable ({Operation}: {Error}); working alone until it returns: own token, {Share} of the request budget")]
    public static partial void Degraded(ILogger logger, string operation, string error, string share);

    [LoggerMessage(102, LogLevel.Information, "Redis is back after {Outage}; rejoined the fleet")]
    public static partial void Rejoined(ILogger logger, TimeSpan outage);

    [LoggerMessage(103, LogLevel.Information, "Fetched a token for the fleet ({Key})")]
    public static partial void FetchedForFleet(ILogger logger, string key);

    [LoggerMessage(104, LogLevel.Error, "The shared token under {Key} was written with another encryption key (key id {TheirKeyId}; this process has {OurKeyId}): every process of a fleet needs the same key. This process keeps to its own token and leaves the fleet's alone")]
    public static partial void KeyMismatch(ILogger logger, string key, string theirKeyId, string ourKeyId);

    [LoggerMessage(105, LogLevel.Information, "Dropped the shared token under {Key}: the server rejected it")]
    public static partial void DroppedForFleet(ILogger logger, string key);

    [LoggerMessage(106, LogLevel.Error, "{Message}")]
    public static partial void Refused(ILogger logger, string message);
}
