using System.Text;

namespace GenesysCloud.Typed.Scaffold.Planning;

/// <summary>C# identifiers from the document's names: PascalCase for types, members and methods, camelCase for
/// parameters, keywords escaped, and never an identifier C# refuses.</summary>
internal static class Names
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>"Workforce Management" → "WorkforceManagement", "getUsers" → "GetUsers", "self_uri" → "SelfUri",
    /// "24h" → "N24h", "" → "Unnamed".</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !(char.IsLetter(c) && c > 127))
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (builder.Length == 0) return "Unnamed";
        if (char.IsDigit(builder[0])) builder.Insert(0, 'N');
        return builder.ToString();
    }

    /// <summary>"userId" → "userId", "X-Request-Id" → "xRequestId", "class" → "@class".</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var leading = 0;
        while (leading < pascal.Length && char.IsUpper(pascal[leading])) leading++;
        // "URL" → "url", "IPAddress" → "ipAddress", "Id" → "id".
        var lower = leading <= 1 ? 1 : leading == pascal.Length ? leading : leading - 1;
        var camel = pascal[..lower].ToLowerInvariant() + pascal[lower..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>A reserved C# keyword (case matters: "Class" is not one).</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>The identifier without a leading '@'.</summary>
    public static string Bare(string identifier) => identifier.StartsWith('@') ? identifier[1..] : identifier;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') builder.Append("\\u").Append(((int)c).ToString("x4"));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}

/// <summary>Names given out in one scope (a namespace, a type's members, a method's parameters): each once, a repeat
/// gets the next free number (Foo, Foo2, Foo3).</summary>
internal sealed class NameScope(IEnumerable<string>? reserved = null)
{
    private readonly HashSet<string> _taken = new(reserved ?? [], StringComparer.Ordinal);

    public string Claim(string wanted)
    {
        var bare = Names.Bare(wanted);
        if (_taken.Add(bare)) return wanted;
        for (var n = 2; ; n++)
        {
            var candidate = bare + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(candidate)) return candidate;
        }
    }

    public bool IsTaken(string name) => _taken.Contains(Names.Bare(name));
}
