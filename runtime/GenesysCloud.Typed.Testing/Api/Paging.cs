using System.Text;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Query-string parsing and the relative page URIs Genesys Cloud answers with.</summary>
internal static class Paging
{
    public static bool TryPageSize(IQueryCollection query, int defaultSize, int max, out int pageSize, out string error) =>
        TryInt(query, "pageSize", defaultSize, 1, max, out pageSize, out error);

    public static bool TryInt(IQueryCollection query, string name, int defaultValue, int min, int max, out int value, out string error)
    {
        error = "";
        var raw = query[name].ToString();
        if (raw.Length == 0) { value = defaultValue; return true; }
        if (!int.TryParse(raw, out value) || value < min || value > max)
        {
            error = $"{name} must be a whole number from {min} to {max}, not '{raw}'.";
            return false;
        }
        return true;
    }

    /// <summary>"/api/v2/users?pageSize=25&amp;pageNumber=2&amp;…": pageSize and pageNumber first, the other parameters kept.</summary>
    public static string PageUri(string path, IQueryCollection query, int pageSize, int pageNumber)
    {
        var builder = new StringBuilder(path).Append("?pageSize=").Append(pageSize).Append("&pageNumber=").Append(pageNumber);
        foreach (var (key, values) in query)
        {
            if (key is "pageSize" or "pageNumber") continue;
            foreach (var value in values)
                builder.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        }
        return builder.ToString();
    }

    /// <summary>"/api/v2/users/query?pageSize=25&amp;cursor=…&amp;…": the other parameters (state, sortOrder, id) kept.</summary>
    public static string CursorUri(string path, IQueryCollection query, int pageSize, string? cursor)
    {
        var builder = new StringBuilder(path).Append("?pageSize=").Append(pageSize);
        if (cursor is not null) builder.Append("&cursor=").Append(cursor);
        foreach (var (key, values) in query)
        {
            if (key is "pageSize" or "cursor") continue;
            foreach (var value in values)
                builder.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        }
        return builder.ToString();
    }

    // Cursors are opaque on purpose, so clients must follow them rather than compute offsets.
    public static string EncodeCursor(int offset) => EncodeToken("emu:" + offset);

    public static bool TryDecodeCursor(string cursor, out int offset)
    {
        offset = 0;
        if (cursor.Length == 0) return true;
        return TryDecodeToken(cursor, out var text) &&
            text.StartsWith("emu:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(4), out offset) && offset >= 0;
    }

    /// <summary>Base64url of the text: opaque to a client, readable to the emulator.</summary>
    public static string EncodeToken(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecodeToken(string token, out string text)
    {
        text = "";
        if (token.Length is 0 or > 512) return false;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
