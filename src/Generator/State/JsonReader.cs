using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PrepGen.Generator.State;

/// <summary>The kinds of JSON value (RFC 8259).</summary>
internal enum JsonKind
{
    Object,
    Array,
    Number,
    String,
    True,
    False,
    Null,
}

/// <summary>One parsed JSON value with the 1-based line it starts on (for diagnostics).</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public double Number { get; init; }

    /// <summary>The number as written (to tell integers from fractions).</summary>
    public string? Text { get; init; }

    public string? String { get; init; }

    public List<JsonNode> Items { get; } = new();

    /// <summary>Object members in document order (names are unique: a repeated name is a parse error).</summary>
    public List<KeyValuePair<string, JsonNode>> Members { get; } = new();

    public JsonNode? Member(string name)
    {
        foreach (KeyValuePair<string, JsonNode> member in Members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.Number => "the number " + Text,
        JsonKind.String => "a string",
        JsonKind.Null => "null",
        _ => Kind == JsonKind.True ? "true" : "false",
    };
}

/// <summary>The outcome of parsing a document: the root, or the error and its 1-based line.</summary>
internal sealed class JsonParseResult
{
    public JsonParseResult(JsonNode? root, string? error, int errorLine)
    {
        Root = root;
        Error = error;
        ErrorLine = errorLine;
    }

    public JsonNode? Root { get; }

    public string? Error { get; }

    public int ErrorLine { get; }
}

/// <summary>
/// A small, strict JSON reader (RFC 8259) for stats.json: the generator runs inside the compiler on
/// netstandard2.0 and cannot load System.Text.Json. Objects, arrays, numbers (JSON grammar, then
/// <c>double.Parse</c> invariant), strings with every escape, true/false/null. No comments, no trailing
/// commas, no repeated member names, nesting at most 64 deep; anything else is an error with its line.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line = 1;

    private JsonReader(string text) => _text = text;

    public static JsonParseResult Parse(string text)
    {
        var reader = new JsonReader(text);
        try
        {
            reader.SkipWhitespace();
            if (reader._position < text.Length && text[reader._position] == '\uFEFF')
            {
                reader._position++;
                reader.SkipWhitespace();
            }

            JsonNode root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw reader.Fail("unexpected " + reader.Show() + " after the end of the document");
            }

            return new JsonParseResult(root, null, 0);
        }
        catch (JsonFormatException ex)
        {
            return new JsonParseResult(null, ex.Message, ex.Line);
        }
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail("nesting deeper than " + MaxDepth + " levels");
        }

        if (_position >= _text.Length)
        {
            throw Fail("unexpected end of the document (a value was expected)");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                int line = _line;
                return new JsonNode(JsonKind.String, line) { String = ReadString() };
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Fail("unexpected " + Show() + " (a value was expected)");
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var node = new JsonNode(JsonKind.Object, _line);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return node;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Fail("unexpected " + Show() + " (a member name in double quotes was expected)");
            }

            string name = ReadString();
            if (!names.Add(name))
            {
                throw Fail("the member \"" + name + "\" appears twice in one object");
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            node.Members.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            char c = Peek();
            _position++;
            if (c == '}')
            {
                return node;
            }

            if (c != ',')
            {
                _position--;
                throw Fail("unexpected " + Show() + " (',' or '}' was expected)");
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var node = new JsonNode(JsonKind.Array, _line);
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            node.Items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char c = Peek();
            _position++;
            if (c == ']')
            {
                return node;
            }

            if (c != ',')
            {
                _position--;
                throw Fail("unexpected " + Show() + " (',' or ']' was expected)");
            }
        }
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Fail("unexpected " + Show() + " (a value was expected)");
        }

        _position += literal.Length;
        return new JsonNode(kind, _line);
    }

    private JsonNode ReadNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Fail("a digit was expected in a number");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek()))
            {
                throw Fail("a digit was expected after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                throw Fail("a digit was expected in the exponent");
            }

            SkipDigits();
        }

        if (IsDigit(Peek()) || char.IsLetter(Peek()) || Peek() == '.')
        {
            throw Fail("malformed number '" + _text.Substring(start, Math.Min(_position + 1 - start, 40)) + "'");
        }

        string text = _text.Substring(start, _position - start);
        double value;
        try
        {
            value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw Fail("the number " + text + " is out of the range of a double");
        }

        if (double.IsInfinity(value))
        {
            throw Fail("the number " + text + " is out of the range of a double");
        }

        return new JsonNode(JsonKind.Number, _line) { Number = value, Text = text };
    }

    private string ReadString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Fail("unterminated string");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < 0x20)
            {
                _position--;
                throw Fail("a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ") inside a string must be escaped");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Fail("unterminated string");
            }

            char e = _text[_position++];
            switch (e)
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
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Fail("\\u must be followed by 4 hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Fail("invalid escape '\\" + e + "' in a string");
            }
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Fail("unexpected " + Show() + " ('" + c + "' was expected)");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private string Show() => _position >= _text.Length
        ? "end of the document"
        : _text[_position] < 0x20 ? "U+" + ((int)_text[_position]).ToString("X4", CultureInfo.InvariantCulture) : "'" + _text[_position] + "'";

    private JsonFormatException Fail(string message) => new(message, _line);

    private sealed class JsonFormatException : Exception
    {
        public JsonFormatException(string message, int line)
            : base(message) => Line = line;

        public int Line { get; }
    }
}
