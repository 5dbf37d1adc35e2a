using System.Text;

namespace RconTyped;

/// <summary>A command's whole answer: the reassembled body bytes and their text.</summary>
public sealed class RconResponse
{
    private readonly Encoding _encoding;
    private readonly bool _stripFormattingCodes;
    private readonly string? _emptyAnswerText;
    private string? _text;

    /// <summary>Creates a response from the body bytes and the encoding that decodes them.</summary>
    /// <param name="id">The request id the answer carried.</param>
    /// <param name="body">The reassembled body, exactly as received.</param>
    /// <param name="encoding">The encoding for <see cref="Text"/>; its decoder fallback decides what invalid bytes do.</param>
    public RconResponse(int id, ReadOnlyMemory<byte> body, Encoding encoding)
        : this(id, body, encoding, dialect: null)
    {
    }

    /// <summary>A response whose text follows the dialect's rules: formatting codes stripped, an "empty" marker read as empty.</summary>
    internal RconResponse(int id, ReadOnlyMemory<byte> body, Encoding encoding, RconDialect? dialect)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        Id = id;
        Body = body;
        _encoding = encoding;
        _stripFormattingCodes = dialect?.StripFormattingCodes ?? false;
        _emptyAnswerText = dialect?.EmptyAnswerText;
    }

    /// <summary>The request id the answer carried.</summary>
    public int Id { get; }

    /// <summary>The reassembled body, exactly as received: not trimmed, not normalised.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body decoded with the client's encoding.</summary>
    /// <exception cref="RconEncodingException">The body is not valid in that encoding (and replacement is off).</exception>
    public string Text => _text ??= Decode();

    /// <summary>A summary for logs: id and length, not the body.</summary>
    public override string ToString() => $"RconResponse(id {Id}, {Body.Length} bytes)";

    private static string StripFormatting(string text)
    {
        if (!text.Contains('§', StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '§' && i + 1 < text.Length)
            {
                i++; // the code character after §
                continue;
            }

            plain.Append(text[i]);
        }

        return plain.ToString();
    }

    private string Decode()
    {
        try
        {
            string text = _encoding.GetString(Body.Span);
            if (_emptyAnswerText is not null && text.Trim() == _emptyAnswerText)
            {
                return string.Empty;
            }

            return _stripFormattingCodes ? StripFormatting(text) : text;
        }
        catch (DecoderFallbackException e)
        {
            string where = e.BytesUnknown is { Length: > 0 } bad
                ? $" (first bad byte 0x{bad[0]:X2})"
                : string.Empty;
            throw new RconEncodingException(
                $"The answer to request {Id} is not valid {_encoding.WebName}{where}. " +
                "Read the raw bytes from ExecuteRawAsync(...).Body, set RconClientOptions.Encoding to the server's encoding (for example Encoding.Latin1), " +
                "or set RconClientOptions.ReplaceInvalidBytes = true to get U+FFFD instead.",
                e);
        }
    }
}
