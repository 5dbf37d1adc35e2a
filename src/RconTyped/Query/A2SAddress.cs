using System.Net;

namespace RconTyped.Query;

/// <summary>Where to send a query: an address as configured (<c>host</c>, <c>host:port</c>, <c>[v6]:port</c>) or an endpoint, as one IP endpoint.</summary>
internal static class A2SAddress
{
    /// <exception cref="FormatException">The address is not one, or its host has no address.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The host name could not be resolved.</exception>
    public static Task<IPEndPoint> ResolveAsync(string address, int? port, CancellationToken cancellationToken)
    {
        (string host, int configuredPort) = RconAddress.Parse(address);
        return ResolveAsync(host, port ?? configuredPort, cancellationToken);
    }

    /// <exception cref="FormatException">The endpoint is neither IP nor DNS, or its host has no address.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The host name could not be resolved.</exception>
    public static Task<IPEndPoint> ResolveAsync(EndPoint endPoint, int? port, CancellationToken cancellationToken) => endPoint switch
    {
        IPEndPoint ip => Task.FromResult(new IPEndPoint(ip.Address, port ?? ip.Port)),
        DnsEndPoint dns => ResolveAsync(dns.Host, port ?? dns.Port, cancellationToken),
        _ => throw new FormatException($"{endPoint} is not an IP or DNS address; a server query needs one."),
    };

    private static async Task<IPEndPoint> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out IPAddress? ip))
        {
            return new IPEndPoint(ip, port);
        }

        IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return new IPEndPoint(addresses.FirstOrDefault() ?? throw new FormatException($"'{host}' has no address."), port);
    }
}
