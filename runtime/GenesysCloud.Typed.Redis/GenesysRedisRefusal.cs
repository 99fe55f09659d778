namespace GenesysCloud.Typed.Redis;

/// <summary>Why a Redis that answers will not serve the fleet: a configuration error, never an outage.</summary>
public enum GenesysRedisRefusal
{
    /// <summary>Another Redis answer the fleet cannot interpret (WRONGTYPE, an unknown command, …).</summary>
    Other,
    /// <summary>No password, a wrong one, or an unknown user (NOAUTH, WRONGPASS).</summary>
    Authentication,
    /// <summary>The ACL user may not touch the fleet's keys or run its scripts (NOPERM).</summary>
    Permission,
    /// <summary>The connection string names a database the server does not have.</summary>
    Database,
    /// <summary>The connection reaches a read-only replica (READONLY).</summary>
    ReadOnly,
    /// <summary>Redis refuses writes because it cannot persist (MISCONF).</summary>
    Persistence,
    /// <summary>Redis refuses writes at its memory limit (OOM).</summary>
    Memory,
    /// <summary>The processes of one fleet (or run) use different token encryption keys.</summary>
    KeyMismatch,
}
