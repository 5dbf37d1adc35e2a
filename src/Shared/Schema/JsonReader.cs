using System.Globalization;
using System.Text;

namespace RconTyped.Schema;

/// <summary>
/// A small JSON reader (RFC 8259, plus // comments and trailing commas, as editors allow in config files).
/// The generator cannot load System.Text.Json in every host, so schema files are read with this.
/// </summary>
internal sealed class JsonReader
{
    private readonly string _text;
    private int _position;
    private int _line;
    private int _lineStart;

    private JsonReader(string text) => _text = text;

    /// <exception cref="JsonSyntaxException">The text is not JSON.</exception>
    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipTrivia();
        JsonNode root = reader.ReadValue(0);
        reader.SkipTrivia();
        if (reader._position < text.Length)
        {
            throw reader.Error("Unexpected text after the JSON value.");
        }

        return root;
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > 64)
        {
            throw Error("JSON nested deeper than 64 levels.");
        }

        if (_position >= _text.Length)
        {
            throw Error("The JSON ends early.");
        }

        char c = _text[_position];
        int line = _line;
        int column = _position - _lineStart;
        switch (c)
        {
            case '{':
                return ReadObject(line, column, depth);
            case '[':
                return ReadArray(line, column, depth);
            case '"':
                return new JsonNode(JsonNodeKind.String, line, column) { Text = ReadString() };
            case 't':
                Expect("true");
                return new JsonNode(JsonNodeKind.Boolean, line, column) { Boolean = true };
            case 'f':
                Expect("false");
                return new JsonNode(JsonNodeKind.Boolean, line, column) { Boolean = false };
            case 'n':
                Expect("null");
                return new JsonNode(JsonNodeKind.Null, line, column);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber(line, column);
                }

                throw Error($"Unexpected character '{c}'.");
        }
    }

    private JsonNode ReadObject(int line, int column, int depth)
    {
        var node = new JsonNode(JsonNodeKind.Object, line, column);
        _position++;
        SkipTrivia();
        while (Peek() != '}')
        {
            if (Peek() != '"')
            {
                throw Error("Expected a property name in double quotes.");
            }

            string name = ReadString();
            SkipTrivia();
            if (Peek() != ':')
            {
                throw Error($"Expected ':' after the property name \"{name}\".");
            }

            _position++;
            SkipTrivia();
            node.Properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
            SkipSeparator('}', "object");
        }

        _position++;
        return node;
    }

    private JsonNode ReadArray(int line, int column, int depth)
    {
        var node = new JsonNode(JsonNodeKind.Array, line, column);
        _position++;
        SkipTrivia();
        while (Peek() != ']')
        {
            node.Items.Add(ReadValue(depth + 1));
            SkipSeparator(']', "array");
        }

        _position++;
        return node;
    }

    /// <summary>After a member or item: a ',' (skipped) or the closing character (left for the caller).</summary>
    private void SkipSeparator(char close, string container)
    {
        SkipTrivia();
        if (Peek() == ',')
        {
            _position++;
            SkipTrivia();
        }
        else if (Peek() != close)
        {
            throw Error($"Expected ',' or '{close}' in the {container}.");
        }
    }

    private string ReadString()
    {
        _position++;
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("A string is not closed.");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c == '\n')
            {
                throw Error("A string runs past the end of the line.");
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            char escape = _position < _text.Length ? _text[_position++] : '\0';
            switch (escape)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("\\u must be followed by four hex digits.");
                    }

                    text.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"Unknown escape '\\{escape}'.");
            }
        }
    }

    private JsonNode ReadNumber(int line, int column)
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        string token = _text.Substring(start, _position - start);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw Error($"'{token}' is not a number.");
        }

        return new JsonNode(JsonNodeKind.Number, line, column) { Number = value, Text = token };
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error($"Expected '{word}'.");
        }

        _position += word.Length;
    }

    private char Peek()
    {
        if (_position >= _text.Length)
        {
            throw Error("The JSON ends early.");
        }

        return _text[_position];
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private JsonSyntaxException Error(string message) =>
        new(message, _line, _position - _lineStart);
}
