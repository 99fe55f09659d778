namespace GenesysCloud.Typed.Redis;

/// <summary>Redis answered but refuses the fleet (authentication, permissions, database, a replica, …), or the fleet's
/// processes disagree on their key. Unlike an outage this does not pass by itself: fix the configuration. The message names
/// the cause and never carries a password or a key.</summary>
public sealed class GenesysRedisConfigurationException : Exception
{
    public GenesysRedisConfigurationException(GenesysRedisRefusal cause, string message, Exception? innerException = null)
        : base(message, innerException) => Cause = cause;

    public GenesysRedisRefusal Cause { get; }
}
