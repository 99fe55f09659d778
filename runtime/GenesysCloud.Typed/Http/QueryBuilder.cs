using System.Globalization;
using System.Text;

namespace GenesysCloud.Typed;

/// <summary>Builds a path and query for generated code: values escaped, nulls omitted, booleans lower-case,
/// DateTimeOffset as ISO-8601, collections as repeated keys or comma-joined.</summary>
public sealed class QueryBuilder
{
    private readonly StringBuilder _builder;
    private bool _hasQuery;

    public QueryBuilder(string path)
    {
        _builder = new StringBuilder(path, path.Length + 64);
        _hasQuery = path.Contains('?');
    }

    public QueryBuilder Add(string key, string? value)
    {
        if (value is null) return this;
        _builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public QueryBuilder Add(string key, int? value) => value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string key, long? value) => value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string key, double? value) => value is { } v ? Add(key, v.ToString("R", CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string key, bool? value) => value is { } v ? Add(key, v ? "true" : "false") : this;

    public QueryBuilder Add(string key, Guid? value) => value is { } v ? Add(key, v.ToString("D")) : this;

    public QueryBuilder Add(string key, DateTimeOffset? value) =>
        value is { } v ? Add(key, v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string key, DateTime? value) =>
        value is { } v ? Add(key, v.ToString("O", CultureInfo.InvariantCulture)) : this;

    /// <summary>Each value as its own <c>key=value</c> (the Genesys default), or joined with commas.</summary>
    public QueryBuilder AddAll(string key, IEnumerable<string?>? values, QueryCollectionFormat format = QueryCollectionFormat.Multi)
    {
        if (values is null) return this;
        if (format == QueryCollectionFormat.Csv)
        {
            var joined = string.Join(',', values.Where(v => v is not null));
            return joined.Length == 0 ? this : Add(key, joined);
        }
        foreach (var value in values) Add(key, value);
        return this;
    }

    /// <summary>A route segment, escaped so '/', '?' and '#' in a value cannot change the route.</summary>
    public static string Segment(string? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) throw new ArgumentException("A route value cannot be empty: it would change which endpoint is called.");
        return Uri.EscapeDataString(value);
    }

    public override string ToString() => _builder.ToString();
}
