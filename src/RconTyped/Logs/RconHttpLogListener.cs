using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RconTyped.Logs;

/// <summary>
/// Receives a server's log over HTTP, the form CS2 (and late CS:GO) send to <c>logaddress_add_http "URL"</c>: POSTs of
/// <c>text/plain</c> lines, <c>MM/dd/yyyy - HH:mm:ss.fff - line</c>. Built on <see cref="HttpListener"/>, which ships with
/// .NET: the core package takes no web-server dependency, and the listener answers each post with 200 as soon as its lines
/// are queued. The same checks as <see cref="RconLogListener"/>: allowed sources, a secret (here the URL's path), a bounded
/// body and a bounded queue; nothing a client sends stops the loop.
/// </summary>
public sealed class RconHttpLogListener : IAsyncDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RconLogListenerOptions _options;
    private readonly LogEventQueue _queue;
    private readonly CancellationTokenSource _stopping = new();
    private HttpListener? _http;
    private Task? _acceptLoop;
    private int _inFlight;
    private Uri? _uri;

    /// <summary>Creates a listener; <see cref="StartAsync"/> binds it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port, the queue capacity or the body limit is out of range.</exception>
    public RconHttpLogListener(RconLogListenerOptions? options = null)
    {
        _options = options ?? new RconLogListenerOptions();
        _queue = new LogEventQueue(_options);
    }

    /// <summary>
    /// The URL to give the server (<c>logaddress_add_http</c>): <c>http://ADDRESS:PORT/</c>, or <c>http://ADDRESS:PORT/SECRET</c>
    /// with a secret. When bound to every address, ADDRESS is 127.0.0.1; give the server your reachable address instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public Uri Uri => _uri ?? throw new InvalidOperationException("The listener is not started: call StartAsync first.");

    /// <summary>The port it listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>What was received and dropped so far.</summary>
    public RconLogListenerStatistics Statistics => _queue.Statistics;

    /// <summary>Why the accept loop ended, once it has: null while it runs or after a normal stop.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Starts listening.</summary>
    /// <exception cref="HttpListenerException">The address or port cannot be bound.</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_http is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        bool any = _options.BindAddress.Equals(IPAddress.Any) || _options.BindAddress.Equals(IPAddress.IPv6Any);
        Port = _options.Port != 0 ? _options.Port : FreePort(_options.BindAddress);
        string host = any ? "+" : _options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{_options.BindAddress}]" : _options.BindAddress.ToString();
        var http = new HttpListener();
        http.Prefixes.Add($"http://{host}:{Port}/");
        http.Start();
        _http = http;
        string shown = any ? "127.0.0.1" : host;
        _uri = new Uri($"http://{shown}:{Port}/{(string.IsNullOrEmpty(_options.Secret) ? string.Empty : Uri.EscapeDataString(_options.Secret))}");
        _acceptLoop = Task.Run(() => AcceptLoopAsync(http, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The events as they arrive, until the listener is disposed. Meant for one reader at a time.</summary>
    public IAsyncEnumerable<LogEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops listening and ends <see cref="ReadAllAsync"/> once the queued events are read.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _http?.Close();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        // Posts being read when the listener closed end with an error of their own; wait for them so none queues after the end.
        for (int waited = 0; Volatile.Read(ref _inFlight) > 0 && waited < 500; waited++)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        _queue.Complete(null);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(HttpListener http, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                HttpListenerContext context = await http.GetContextAsync().ConfigureAwait(false);
                Interlocked.Increment(ref _inFlight);
                _ = HandleAsync(context);
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Close() ends GetContextAsync with an exception of its own: that is the normal stop.
        }
        catch (Exception e)
        {
            Fault = e;
        }
        finally
        {
            _queue.Complete(Fault);
        }
    }

    /// <summary>One post: checked, read within the limit, its lines queued, answered. Never throws.</summary>
    private async Task HandleAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            response.StatusCode = await ReadAsync(context.Request).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The body stopped short (the client went away) or the listener is closing: what came is not used.
            _queue.CountMalformed();
            response.StatusCode = 400;
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client is gone: nobody to answer.
            }

            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<int> ReadAsync(HttpListenerRequest request)
    {
        IPAddress source = request.RemoteEndPoint.Address;
        if (!_queue.Admit(source))
        {
            return 403;
        }

        if (request.HttpMethod != "POST")
        {
            _queue.CountMalformed();
            return 405;
        }

        string expected = "/" + (_options.Secret ?? string.Empty);
        if (!string.IsNullOrEmpty(_options.Secret) && Uri.UnescapeDataString(request.Url?.AbsolutePath ?? string.Empty) != expected)
        {
            _queue.CountBadSecret();
            return 403;
        }

        if (request.ContentLength64 > _options.MaxHttpBodyBytes)
        {
            _queue.CountMalformed();
            return 413;
        }

        byte[]? body = await ReadBodyAsync(request.InputStream, _options.MaxHttpBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            _queue.CountMalformed();
            return 413;
        }

        string text;
        ReadOnlyMemory<byte> invalid = default;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(body);
            invalid = body;
        }

        // One server, one source of JSON blocks: its instance token when it sends one, else its address.
        LogSourceState state = _queue.State(request.Headers["X-Server-Instance-Token"] ?? source.ToString());

        // Posts are handled concurrently; one server's lines go through its assembler one post at a time.
        lock (state)
        {
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.TrimEnd('\r', '\0');
                if (trimmed.Length > 0)
                {
                    _queue.AddLine(state, trimmed, invalid);
                }
            }
        }

        return 200;
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (whatever Content-Length said).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int limit)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A port nobody listens on now (HttpListener cannot bind port 0 itself).</summary>
    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
