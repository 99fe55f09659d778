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
        _builder.Append(_hasQuery ? '&' : '?').Append(Escape(key, "query key", key)).Append('=').Append(Escape(value, "query value", key));
        _hasQuery = true;
        return this;
    }

    public QueryBuilder Add(string key, int? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, long? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, double? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, bool? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, Guid? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, DateTimeOffset? value) => value is { } v ? Add(key, Format(v)) : this;

    public QueryBuilder Add(string key, DateTime? value) => value is { } v ? Add(key, Format(v)) : this;

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

    // Formatting used by generated code for route, query and header values: one culture-invariant spelling per type.
    public static string Format(string value) => value;
    public static string Format(bool value) => value ? "true" : "false";
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(short value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(byte value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(uint value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(Guid value) => value.ToString("D");
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 duration (<c>PT1H30M</c>, <c>P1DT2H</c>, <c>-PT5S</c>), as Genesys Cloud reads intervals and
    /// granularities: what generated code sends for a <see cref="TimeSpan"/> route, query or header value.</summary>
    public static string FormatDuration(TimeSpan value) => System.Xml.XmlConvert.ToString(value);

    /// <summary>A route segment, escaped so '/', '\\', '?', '#', '%' and control characters in a value cannot change the route.</summary>
    public static string Segment(string? value) => Segment(value, "value");

    /// <summary>The value of route parameter <paramref name="parameterName"/> as exactly one escaped path segment. Values that
    /// no escaping can keep in their segment are refused before anything is sent: empty (it removes the segment) and the dot
    /// segments "." and ".." (every URI parser, proxy and server resolves them against the path).</summary>
    public static string Segment(string? value, string parameterName)
    {
        if (value is null) throw new ArgumentNullException(parameterName, $"The route value '{parameterName}' cannot be null.");
        if (value.Length == 0 || value is "." or "..")
        {
            var shown = value.Length == 0 ? "an empty string" : $"\"{value}\"";
            throw new ArgumentException(
                $"The route value '{parameterName}' cannot be {shown}: it would change which path is called, not name a resource.", parameterName);
        }
        // EscapeDataString leaves only unreserved characters (letters, digits, '-', '.', '_', '~'), so the result is one
        // segment that no URI normalisation alters.
        return Escape(value, "route value", parameterName);
    }

    private static string Escape(string value, string what, string name)
    {
        if (Utf16.IndexOfUnpairedSurrogate(value) is var at and >= 0)
            throw new ArgumentException($"The {what} '{name}' holds an unpaired surrogate at index {at}; it has no UTF-8 form to send.", name);
        return Uri.EscapeDataString(value);
    }

    public override string ToString() => _builder.ToString();
}
