using RconTyped.Logging;

namespace RconTyped;

/// <summary>
/// Reconnects after a lost connection (<see cref="RconClientOptions.Reconnect"/>): waits with exponential backoff and
/// jitter, opens a new transport and authenticates with the same password. A refused or unanswered authentication
/// closes the client: it is never retried. Commands issued meanwhile wait for it (or fail at once, by policy).
/// </summary>
internal sealed class ReconnectionSupervisor
{
    private readonly IReconnectable _client;
    private readonly ClientSettings _settings;
    private readonly RconReconnectPolicy _policy;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _lock = new();
    private TaskCompletionSource? _reconnected;

    public ReconnectionSupervisor(IReconnectable client, ClientSettings settings, RconReconnectPolicy policy)
    {
        _client = client;
        _settings = settings;
        _policy = policy;
    }

    /// <summary>Starts reconnecting; commands that call <see cref="WaitAsync"/> from now on wait for the outcome.</summary>
    public void Start(Exception lostBecause)
    {
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _reconnected ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = Task.Run(() => RunAsync(lostBecause), CancellationToken.None);
    }

    /// <summary>The client closed: the loop stops and waiting commands fail with <paramref name="failure"/>.</summary>
    public void Stop(Exception failure)
    {
        TaskCompletionSource? waiting;
        lock (_lock)
        {
            _stopping.Cancel();
            waiting = _reconnected;
            _reconnected = null;
        }

        if (waiting is not null)
        {
            waiting.TrySetException(failure);

            // Commands that wait get the failure; when none does, it is not left to the finalizer as an unobserved exception.
            _ = waiting.Task.Exception;
        }
    }

    /// <summary>While reconnecting, waits for it (up to the command timeout), or fails at once by policy; a no-op otherwise.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? reconnected;
        lock (_lock)
        {
            reconnected = _reconnected;
        }

        if (reconnected is null)
        {
            return;
        }

        if (!_policy.WaitWhileReconnecting)
        {
            throw RconErrors.ReconnectingNotWaiting(_settings.Display);
        }

        try
        {
            await (_settings.CommandTimeout == Timeout.InfiniteTimeSpan
                ? reconnected.Task.WaitAsync(cancellationToken)
                : reconnected.Task.WaitAsync(_settings.CommandTimeout, _settings.Time, cancellationToken)).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw RconErrors.StillReconnecting(_settings.Display, _settings.CommandTimeout, e);
        }
    }

    /// <summary>
    /// The loop, ended in one place: whatever it did not expect (a malformed answer to authentication, a bug of ours)
    /// closes the client with that error, so commands waiting for the reconnection fail with it instead of waiting out
    /// their timeout for a loop that is gone.
    /// </summary>
    private async Task RunAsync(Exception lostBecause)
    {
        try
        {
            await ReconnectAsync(lostBecause).ConfigureAwait(false);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            _client.Close("reconnecting failed", RconErrors.ReconnectingFailed(_settings.Display, e));
        }
        catch (Exception)
        {
            // The client was closed while the loop ran: nothing waits for it any more.
        }
    }

    private async Task ReconnectAsync(Exception lostBecause)
    {
        var random = new Random();
        Exception lastError = lostBecause;
        for (int attempt = 1; attempt <= _policy.MaxAttempts; attempt++)
        {
            TimeSpan delay = _policy.DelayFor(attempt, random);
            if (_settings.Logger is not null)
            {
                Log.Reconnecting(_settings.Logger, _settings.Display, attempt, delay);
            }

            _client.RaiseReconnecting(new RconReconnectEventArgs(attempt, delay, lastError));
            Stream stream;
            try
            {
                await Task.Delay(delay, _settings.Time, _stopping.Token).ConfigureAwait(false);
                stream = await Transport.OpenAsync(_settings, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return; // the client was closed
            }
            catch (RconConnectionException e)
            {
                lastError = e;
                continue;
            }

            if (_client.Install(stream) is not { } connection)
            {
                return;
            }

            if (await AuthenticateAsync(connection).ConfigureAwait(false))
            {
                if (_settings.Logger is not null)
                {
                    Log.Reconnected(_settings.Logger, _settings.Display, attempt);
                }

                _client.RaiseReconnected();
            }

            return;
        }

        _client.Close($"gave up reconnecting after {_policy.MaxAttempts} attempts", RconErrors.GaveUpReconnecting(_settings.Display, _policy.MaxAttempts, lastError));
    }

    /// <summary>Authenticates the new connection once; anything but success closes the client.</summary>
    private async Task<bool> AuthenticateAsync(RconConnection connection)
    {
        string password = _client.Password!;
        try
        {
            int answered = await connection.AuthenticateAsync(password, _settings.CommandEncoding.GetByteCount(password), CancellationToken.None).ConfigureAwait(false);
            if (answered == -1)
            {
                // The password that worked is refused now: stop, never retry authentication.
                _client.Close("the server refused the password on reconnection", RconErrors.WrongPasswordOnReconnection(_settings.Display));
                return false;
            }
        }
        catch (Exception e) when (e is RconAuthenticationException or RconTimeoutException or RconConnectionException)
        {
            // Closed or silent during authentication: probably a ban. Authentication is never retried.
            _client.Close("authentication failed on reconnection", e is RconAuthenticationException ? e : RconErrors.AuthenticationClosed(_settings.Display, "no verdict on reconnection", e));
            return false;
        }

        _client.OnReconnected(connection, connection.MarkAuthenticated());
        TaskCompletionSource? reconnected;
        lock (_lock)
        {
            reconnected = _reconnected;
            _reconnected = null;
        }

        reconnected?.TrySetResult();
        return true;
    }
}
