using System.Text;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>A command's whole answer: the reassembled body bytes and their text.</summary>
public sealed class RconResponse
{
    private readonly Encoding _encoding;
    private readonly bool _stripFormattingCodes;
    private readonly string? _emptyAnswerText;
    private string? _text;

    /// <summary>Creates a response from the body bytes and the encoding that decodes them.</summary>
    /// <param name="id">The command's request id.</param>
    /// <param name="body">The reassembled body, exactly as received.</param>
    /// <param name="encoding">The encoding for <see cref="Text"/>; its decoder fallback decides what invalid bytes do.</param>
    public RconResponse(int id, ReadOnlyMemory<byte> body, Encoding encoding)
        : this(id, body, encoding, dialect: null)
    {
    }

    /// <summary>A response whose text follows the dialect's rules: formatting codes stripped, an "empty" marker read as empty.</summary>
    internal RconResponse(int id, ReadOnlyMemory<byte> body, Encoding encoding, RconDialect? dialect, bool isTruncated = false)
    {
        IsTruncated = isTruncated;
        ArgumentNullException.ThrowIfNull(encoding);
        Id = id;
        Body = body;
        _encoding = encoding;
        _stripFormattingCodes = dialect?.StripFormattingCodes ?? false;
        _emptyAnswerText = dialect?.EmptyAnswerText;
    }

    /// <summary>The command's request id, which its answer carried (Palworld's answers carry 0 instead; this is still the command's id).</summary>
    public int Id { get; }

    /// <summary>The reassembled body, exactly as received: not trimmed, not normalised.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// True when the answer's packet stopped short of the length its size field declared and the client took what arrived
    /// after <see cref="RconDialect.ShortPacketWait"/> (Palworld does this with non-ASCII text): the end of the answer is
    /// probably missing. Always false for dialects that wait for every byte.
    /// </summary>
    public bool IsTruncated { get; }

    /// <summary>The body decoded with the client's encoding.</summary>
    /// <exception cref="RconEncodingException">The body is not valid in that encoding (and replacement is off).</exception>
    public string Text => _text ??= Decode();

    /// <summary>A summary for logs: id and length, not the body.</summary>
    public override string ToString() => $"RconResponse(id {Id}, {Body.Length} bytes{(IsTruncated ? ", truncated" : string.Empty)})";

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

    /// <summary>A truncated body may end in the middle of a character: that partial character is left out, not reported as invalid.</summary>
    private static string DecodeWithoutCutCharacter(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        Decoder decoder = encoding.GetDecoder();
        char[] chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        int count = decoder.GetChars(bytes, chars, flush: false);
        return new string(chars, 0, count);
    }

    private string Decode() => Decode(Id, Body.Span, _encoding, _stripFormattingCodes, _emptyAnswerText, IsTruncated);

    /// <summary>The text of an answer, under the dialect's rules (what <see cref="Text"/> returns), without a response object.</summary>
    /// <exception cref="RconEncodingException">The body is not valid in the encoding.</exception>
    internal static string Decode(int id, ReadOnlySpan<byte> body, Encoding encoding, RconDialect? dialect, bool isTruncated) =>
        Decode(id, body, encoding, dialect?.StripFormattingCodes ?? false, dialect?.EmptyAnswerText, isTruncated);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Decode(int id, ReadOnlySpan<byte> body, Encoding encoding, bool stripFormattingCodes, string? emptyAnswerText, bool isTruncated)
    {
        try
        {
            string text = isTruncated ? DecodeWithoutCutCharacter(body, encoding) : encoding.GetString(body);
            if (emptyAnswerText is not null && text.Trim() == emptyAnswerText)
            {
                return string.Empty;
            }

            return stripFormattingCodes ? StripFormatting(text) : text;
        }
        catch (DecoderFallbackException e)
        {
            string where = e.BytesUnknown is { Length: > 0 } bad
                ? $" (first bad byte 0x{bad[0]:X2})"
                : string.Empty;
            throw new RconEncodingException(
                $"The answer to request {id} is not valid {encoding.WebName}{where}. " +
                "Read the raw bytes from ExecuteRawAsync(...).Body, set RconClientOptions.Encoding to the server's encoding (for example Encoding.Latin1), " +
                "or set RconClientOptions.ReplaceInvalidBytes = true to get U+FFFD instead.",
                e);
        }
    }
}
