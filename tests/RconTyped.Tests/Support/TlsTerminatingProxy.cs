using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RconTyped.Tests;

/// <summary>
/// A TLS terminator on 127.0.0.1 in front of a plain RCON server, as users put stunnel or nginx in front of theirs:
/// it accepts TLS with a fresh self-signed certificate and pumps the plain bytes to the target and back.
/// </summary>
internal sealed class TlsTerminatingProxy : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _handshakes;

    public TlsTerminatingProxy(IPEndPoint target)
    {
        _target = target;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(8);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _accepting = Task.Run(AcceptAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The proxy's certificate: clients pin it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>TLS handshakes completed so far.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>Opens a TLS connection to the proxy that trusts exactly its certificate.</summary>
    public async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(EndPoint, cancellationToken);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
            },
            cancellationToken);
        return tls;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Dispose();
        await _accepting;
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
        Certificate.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_sessions)
            {
                _sessions.Add(Task.Run(() => RelayAsync(client)));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var plain = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await using var tls = new SslStream(new NetworkStream(client, ownsSocket: true));
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stopping.Token);
            Interlocked.Increment(ref _handshakes);
            await plain.ConnectAsync(_target, _stopping.Token);
            await using var target = new NetworkStream(plain, ownsSocket: false);
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            Task up = PumpAsync(tls, target, ended);
            Task down = PumpAsync(target, tls, ended);
            await Task.WhenAny(up, down);
            ended.Cancel();
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationTokenSource ended)
    {
        try
        {
            await from.CopyToAsync(to, ended.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }
}
