using System.Text;

namespace GenesysCloud.Typed.Generator;

/// <summary>Writes lines with the current indentation (four spaces a level), "\n" endings for deterministic output.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();
    private int _level;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _level * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    public IndentedWriter Open(string text)
    {
        Line(text);
        Line("{");
        _level++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _level--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
