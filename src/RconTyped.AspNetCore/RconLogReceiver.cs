using System.IO.Pipelines;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using RconTyped.Logs;

namespace RconTyped.AspNetCore;

/// <summary>
/// Receives a server's log posted over HTTP, the form CS2 (and late CS:GO) send to <c>logaddress_add_http "URL"</c>:
/// POSTs of <c>text/plain</c> lines, <c>MM/dd/yyyy - HH:mm:ss.fff - line</c>. The same checks as the UDP listener:
/// allowed sources, a secret (here the URL's last path segment), bounded bodies, a bounded queue. Each post is answered
/// 200 once its lines are queued; nothing a sender does throws out of it or stops it. Behind <c>MapRconLogs</c> in an
/// ASP.NET Core app, and behind <see cref="RconHttpLogListener"/> on a Kestrel of its own.
/// </summary>
public sealed class RconLogReceiver : IDisposable
{
    private readonly RconLogListenerOptions _options;
    private readonly LogEventQueue _queue;
    private readonly byte[]? _secret;
    private long _bytesInFlight;

    /// <summary>Makes a receiver; map it with <c>MapRconLogs</c> or host it with <see cref="RconHttpLogListener"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The queue capacity or a body limit is out of range.</exception>
    public RconLogReceiver(RconLogListenerOptions? options = null)
    {
        _options = options ?? new RconLogListenerOptions();
        _queue = new LogEventQueue(_options);
        _secret = string.IsNullOrEmpty(_options.Secret) ? null : Encoding.UTF8.GetBytes(_options.Secret);
    }

    /// <summary>The settings it checks posts against.</summary>
    public RconLogListenerOptions Options => _options;

    /// <summary>What was received and dropped so far.</summary>
    public RconLogListenerStatistics Statistics => _queue.Statistics;

    /// <summary>The body bytes of the posts being read now, against <see cref="RconLogListenerOptions.MaxHttpBytesInFlight"/>.</summary>
    internal long BytesInFlight => Interlocked.Read(ref _bytesInFlight);

    /// <summary>The events as they arrive, until the receiver is disposed. Meant for one reader at a time.</summary>
    public IAsyncEnumerable<LogEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Ends <see cref="ReadAllAsync"/> once the queued events are read; posts after it are not queued.</summary>
    public void Dispose() => _queue.Complete(null);

    /// <summary>
    /// Answers one request. <paramref name="presentedSecret"/> is the last path segment the route gave (null for none);
    /// with a secret set it must equal it. Never throws: a post it cannot read is counted, and answered if it still can be.
    /// </summary>
    internal async Task HandleAsync(HttpContext context, string? presentedSecret)
    {
        HttpResponse response = context.Response;
        int status;
        try
        {
            status = await ReadAsync(context, presentedSecret).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The body stopped short, came too slowly (Kestrel's minimum rate), the client went away, or a bug of ours:
            // what came is not used, and the next post is not affected.
            _queue.CountMalformed();
            status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        }

        if (!response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            response.StatusCode = status;
            response.ContentLength = 0;
        }
    }

    private async Task<int> ReadAsync(HttpContext context, string? presentedSecret)
    {
        IPAddress source = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!_queue.Admit(source))
        {
            return StatusCodes.Status403Forbidden;
        }

        HttpRequest request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            _queue.CountMalformed();
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (!SecretMatches(presentedSecret))
        {
            _queue.CountBadSecret();
            return StatusCodes.Status403Forbidden;
        }

        if (request.ContentLength > _options.MaxHttpBodyBytes)
        {
            _queue.CountMalformed();
            return StatusCodes.Status413PayloadTooLarge;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _options.MaxHttpBodyBytes;
        }

        long held = 0;
        try
        {
            PipeReader body = request.BodyReader;
            while (true)
            {
                ReadResult read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                long length = read.Buffer.Length;
                if (length > _options.MaxHttpBodyBytes)
                {
                    body.AdvanceTo(read.Buffer.End);
                    _queue.CountMalformed();
                    return StatusCodes.Status413PayloadTooLarge;
                }

                // Every post's bytes count against one budget while they are read: slow senders cannot hold memory without bound.
                long grown = length - held;
                held = length;
                if (Interlocked.Add(ref _bytesInFlight, grown) > _options.MaxHttpBytesInFlight)
                {
                    body.AdvanceTo(read.Buffer.End);
                    _queue.CountBusy();
                    return StatusCodes.Status503ServiceUnavailable;
                }

                if (read.IsCompleted)
                {
                    // One server, one source of JSON blocks: its instance token when it sends one, else its address.
                    StringValues token = request.Headers["X-Server-Instance-Token"];
                    string server = token.Count > 0 && !string.IsNullOrEmpty(token[0]) ? token[0]! : source.ToString();
                    _queue.AddPost(server, read.Buffer);
                    body.AdvanceTo(read.Buffer.End);
                    return StatusCodes.Status200OK;
                }

                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        finally
        {
            Interlocked.Add(ref _bytesInFlight, -held);
        }
    }

    private bool SecretMatches(string? presented)
    {
        if (_secret is null)
        {
            return true;
        }

        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);
    }
}
