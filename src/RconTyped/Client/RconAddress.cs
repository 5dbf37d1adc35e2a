using System.Globalization;
using System.Net;

namespace RconTyped;

/// <summary>Parses <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> and bare IPv6 addresses.</summary>
internal static class RconAddress
{
    public const int DefaultPort = 27015;

    public static (string Host, int Port) Parse(string address, int defaultPort = DefaultPort)
    {
        ArgumentNullException.ThrowIfNull(address);
        string text = address.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The server address is empty; expected HOST or HOST:PORT, for example 127.0.0.1:27015.");
        }

        if (text[0] == '[')
        {
            int close = text.IndexOf(']');
            if (close < 0)
            {
                throw new FormatException($"The server address '{text}' opens '[' without closing it; expected [IPv6]:PORT.");
            }

            string host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length == 0)
            {
                return (host, defaultPort);
            }

            if (rest[0] != ':')
            {
                throw new FormatException($"The server address '{text}' has text after ']' that is not :PORT.");
            }

            return (host, ParsePort(rest[1..], text));
        }

        int colon = text.IndexOf(':');
        if (colon < 0 || text.IndexOf(':', colon + 1) >= 0)
        {
            // No colon, or several (a bare IPv6 address): the whole text is the host.
            return (text, defaultPort);
        }

        if (colon == 0)
        {
            throw new FormatException($"The server address '{text}' has no host before ':'.");
        }

        return (text[..colon], ParsePort(text[(colon + 1)..], text));
    }

    public static EndPoint ToEndPoint(string host, int port) =>
        IPAddress.TryParse(host, out IPAddress? ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);

    private static int ParsePort(string text, string address)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"The port in '{address}' is not a number from 1 to 65535.");
        }

        return port;
    }
}
