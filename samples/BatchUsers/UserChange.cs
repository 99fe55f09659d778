namespace BatchUsers;

/// <summary>The one field the job sets on every user, and the value.</summary>
public sealed record UserChange(string Field, string Value)
{
    public static readonly IReadOnlyList<string> Fields = ["department", "title"];

    public static UserChange Parse(string field, string value)
    {
        var normalized = field.Trim().ToLowerInvariant();
        if (!Fields.Contains(normalized))
            throw new ArgumentException($"--field must be one of {string.Join(", ", Fields)}, not '{field}'.");
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("--value cannot be empty.");
        return new UserChange(normalized, value);
    }

    public string? CurrentValue(User user) => Field == "department" ? user.Department : user.Title;

    public bool IsApplied(User user) => string.Equals(CurrentValue(user), Value, StringComparison.Ordinal);

    public UpdateUser Patch(User current) => Field == "department"
        ? new UpdateUser { Department = Value, Version = current.Version }
        : new UpdateUser { Title = Value, Version = current.Version };
}
