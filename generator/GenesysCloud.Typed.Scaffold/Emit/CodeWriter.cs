using System.Text;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary>Lines with indentation, always '\n' (the same document gives byte-identical files on every OS).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public IDisposable Block()
    {
        Line("{");
        _indent++;
        return new Closer(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class Closer(CodeWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line("}");
        }
    }
}
