using System.Net.Sockets;

namespace RconTyped;

/// <summary>
/// Opens the stream a connection talks over: <see cref="RconClientOptions.ConnectionFactory"/> when set, else a TCP
/// connection (Nagle off). Both within the connect timeout, and every failure as <see cref="RconConnectionException"/>.
/// </summary>
internal static class Transport
{
    public static async Task<Stream> OpenAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadline = settings.ConnectTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(settings.ConnectTimeout, settings.Time);
        using CancellationTokenRegistration onDeadline = deadline?.Token.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout) ?? default;
        try
        {
            return settings.ConnectionFactory is { } factory
                ? await OpenWithFactoryAsync(settings, factory, timeout.Token).ConfigureAwait(false)
                : await OpenTcpAsync(settings, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw RconErrors.ConnectTimedOut(settings.Display, settings.ConnectTimeout);
        }
    }

    private static async Task<Stream> OpenTcpAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.EndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw RconErrors.ConnectFailed(settings.Display, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<Stream> OpenWithFactoryAsync(ClientSettings settings, Func<System.Net.EndPoint, CancellationToken, ValueTask<Stream>> factory, CancellationToken cancellationToken)
    {
        Stream? stream;
        try
        {
            stream = await factory(settings.EndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SocketException e)
        {
            throw RconErrors.ConnectFailed(settings.Display, e);
        }
        catch (Exception e) when (e is not RconException)
        {
            throw RconErrors.ConnectionFactoryFailed(settings.Display, e);
        }

        if (stream is null || !stream.CanRead || !stream.CanWrite)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw RconErrors.ConnectionFactoryReturnedUnusable(settings.Display);
        }

        return stream;
    }
}
