namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>Whether a [Header] name can be sent (GCT0115); which names are the runtime's own is <c>ReservedHeaders</c>.</summary>
internal static class HeaderName
{
    /// <summary>An RFC 9110 token: visible ASCII without separators.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var c in name!)
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0) return false;
        return true;
    }
}
