using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GenesysCloud.Typed.Generator.Document;

/// <summary>A small JSON reader for the API index: objects become <see cref="Dictionary{TKey,TValue}"/>, arrays
/// <see cref="List{T}"/>, numbers <see cref="double"/>, and strings, booleans and null what they are. Hand-written because
/// an analyzer runs inside whatever compiler host loads it (Visual Studio's .NET Framework process among them), where
/// System.Text.Json is not guaranteed to be loadable at a version a netstandard2.0 analyzer may bind to.</summary>
internal sealed class JsonText
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _at;

    private JsonText(string text) => _text = text;

    /// <summary>The value <paramref name="text"/> holds; a <see cref="FormatException"/> naming the line and column otherwise.</summary>
    public static object? Parse(string text)
    {
        var reader = new JsonText(text);
        reader.Space();
        if (reader._at < text.Length && text[reader._at] == '\uFEFF') reader._at++;
        var value = reader.Value(0);
        reader.Space();
        if (reader._at != text.Length) throw reader.Error("text after the end of the JSON value");
        return value;
    }

    private object? Value(int depth)
    {
        Space();
        if (_at >= _text.Length) throw Error("the text ends where a value should be");
        if (depth > MaxDepth) throw Error($"values nested more than {MaxDepth} deep");
        var c = _text[_at];
        switch (c)
        {
            case '{': return Object(depth);
            case '[': return Array(depth);
            case '"': return String();
            case 't': return Word("true", true);
            case 'f': return Word("false", false);
            case 'n': return Word("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return Number();
                throw Error($"'{c}' cannot start a value");
        }
    }

    private Dictionary<string, object?> Object(int depth)
    {
        _at++;   // {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        Space();
        if (Peek() == '}')
        {
            _at++;
            return result;
        }
        while (true)
        {
            Space();
            if (Peek() != '"') throw Error("a property name should be here");
            var name = String();
            Space();
            Expect(':');
            result[name] = Value(depth + 1);
            Space();
            if (_at >= _text.Length) throw Error("the text ends inside an object");
            var next = _text[_at++];
            if (next == '}') return result;
            if (next != ',') throw Error("',' or '}' should follow a property", -1);
        }
    }

    private List<object?> Array(int depth)
    {
        _at++;   // [
        var result = new List<object?>();
        Space();
        if (Peek() == ']')
        {
            _at++;
            return result;
        }
        while (true)
        {
            result.Add(Value(depth + 1));
            Space();
            if (_at >= _text.Length) throw Error("the text ends inside an array");
            var next = _text[_at++];
            if (next == ']') return result;
            if (next != ',') throw Error("',' or ']' should follow an array item", -1);
        }
    }

    private string String()
    {
        _at++;   // "
        var start = _at;
        // The common case, a string without escapes, is one Substring.
        while (_at < _text.Length && _text[_at] != '"' && _text[_at] != '\\' && _text[_at] >= ' ') _at++;
        if (_at < _text.Length && _text[_at] == '"') return _text.Substring(start, _at++ - start);
        var builder = new StringBuilder(_text, start, _at - start, _at - start + 16);
        while (true)
        {
            if (_at >= _text.Length) throw Error("a string is not closed");
            var c = _text[_at++];
            if (c == '"') return builder.ToString();
            if (c < ' ') throw Error("a control character inside a string", -1);
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (_at >= _text.Length) throw Error("a string is not closed");
            var escape = _text[_at++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_at + 4 > _text.Length ||
                        !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw Error("\\u needs four hex digits");
                    builder.Append((char)code);
                    _at += 4;
                    break;
                default: throw Error($"'\\{escape}' is not a JSON escape", -1);
            }
        }
    }

    private double Number()
    {
        var start = _at;
        if (Peek() == '-') _at++;
        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] is '.' or 'e' or 'E' or '+' or '-')) _at++;
        var text = _text.Substring(start, _at - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _at = start;
            throw Error($"'{text}' is not a number");
        }
        return value;
    }

    private object? Word(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) throw Error($"'{_text[_at]}' cannot start a value");
        _at += word.Length;
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"'{c}' should be here");
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void Space()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r' or '\n') _at++;
    }

    /// <summary>An error at the reader's position (moved by <paramref name="shift"/>), as line and column.</summary>
    private FormatException Error(string what, int shift = 0)
    {
        var at = Math.Max(0, Math.Min(_text.Length, _at + shift));
        int line = 1, column = 1;
        for (var i = 0; i < at; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else column++;
        }
        return new FormatException($"it is not valid JSON: {what} (line {line}, column {column})");
    }
}
