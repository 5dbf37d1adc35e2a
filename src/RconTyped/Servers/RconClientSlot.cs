namespace RconTyped;

/// <summary>
/// One shared, connected, authenticated client for one server: what <see cref="RconFleet"/> keeps per server and what
/// the hosting factory keeps per name. Concurrent callers share one attempt; a caller's token cancels its own wait, never
/// the attempt; a failed attempt is not kept, so the next call tries again; a client that closed for good is replaced,
/// one that is reconnecting is kept (its commands wait for it).
/// </summary>
internal sealed class RconClientSlot : IAsyncDisposable
{
    private readonly Func<RconClient> _createClient;
    private readonly Func<string> _password;
    private readonly RconKeepAlive? _keepAlive;
    private readonly Action<Exception>? _keepAliveFailed;
    private readonly Action<RconClient>? _connected;
    private readonly CancellationTokenSource _disposing = new();
    private readonly object _lock = new();
    private readonly List<Task> _background = [];
    private Attempt? _current;
    private bool _disposed;

    /// <param name="createClient">Makes a client (no I/O); called for each attempt.</param>
    /// <param name="password">Gives the password when an attempt authenticates (read from the environment then, not before).</param>
    /// <param name="keepAlive">A command to send on a timer while the client lives; null for none.</param>
    /// <param name="keepAliveFailed">Told of a keep-alive command that failed (the timer goes on); null to ignore.</param>
    /// <param name="connected">Told of each client that authenticated, for a log line; null to ignore.</param>
    public RconClientSlot(Func<RconClient> createClient, Func<string> password, RconKeepAlive? keepAlive = null, Action<Exception>? keepAliveFailed = null, Action<RconClient>? connected = null)
    {
        _createClient = createClient;
        _password = password;
        _keepAlive = keepAlive;
        _keepAliveFailed = keepAliveFailed;
        _connected = connected;
    }

    /// <summary>Whether <see cref="CurrentClient"/> has handed a client out: someone (a typed server) holds it for good.</summary>
    public bool HandedOut { get; private set; }

    /// <summary>The connected, authenticated client; connects (or connects again) when there is none that works.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait; the shared attempt goes on for the others.</param>
    /// <exception cref="RconException">Connecting or authenticating failed.</exception>
    /// <exception cref="ObjectDisposedException">The slot was disposed.</exception>
    public async ValueTask<RconClient> GetClientAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Attempt attempt = CurrentAttempt();
            try
            {
                await attempt.Authenticated.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Retire(attempt);
                throw;
            }

            if (!attempt.Client.IsClosed)
            {
                return attempt.Client;
            }

            // Closed for good (a wrong password after a reconnection, a protocol error): the next attempt starts afresh.
            Retire(attempt);
        }
    }

    /// <summary>
    /// The current client, which may still be connecting: its commands wait for the attempt. For callers that cannot
    /// await (a typed server built by a container); <see cref="GetClientAsync"/> is the usual way.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The slot was disposed.</exception>
    public RconClient CurrentClient()
    {
        Attempt attempt = CurrentAttempt();
        if (attempt.Client.IsClosed && attempt.Authenticated.IsCompleted)
        {
            Retire(attempt);
            attempt = CurrentAttempt();
        }

        HandedOut = true;
        return attempt.Client;
    }

    /// <summary>Stops the keep-alive, ends any attempt under way and closes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        Attempt? current;
        Task[] background;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
            background = [.. _background];
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        if (current is not null)
        {
            await current.Client.DisposeAsync().ConfigureAwait(false);
        }

        // Attempts and keep-alives end on their own once cancelled; none of their failures is news now.
        await Task.WhenAll(background).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        _disposing.Dispose();
    }

    private Attempt CurrentAttempt()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { } current)
            {
                return current;
            }

            RconClient client = _createClient();
            Task authenticated = ConnectAsync(client, _disposing.Token);
            client.WaitForFirstConnection(authenticated);
            _current = new Attempt(client, authenticated);
            Track(authenticated);
            return _current;
        }
    }

    private async Task ConnectAsync(RconClient client, CancellationToken disposing)
    {
        await Task.Yield(); // never run the connect under the slot's lock
        try
        {
            await client.ConnectAsync(disposing).ConfigureAwait(false);
            await client.AuthenticateAsync(_password(), disposing).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connected?.Invoke(client);
        if (_keepAlive is not null)
        {
            lock (_lock)
            {
                if (!_disposed)
                {
                    Track(KeepAliveAsync(client, _keepAlive, disposing));
                }
            }
        }
    }

    /// <summary>Sends the keep-alive command on a timer until the client closes or the slot is disposed; a failure is reported, never thrown.</summary>
    private async Task KeepAliveAsync(RconClient client, RconKeepAlive keepAlive, CancellationToken disposing)
    {
        using var timer = new PeriodicTimer(keepAlive.Interval, keepAlive.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(disposing).ConfigureAwait(false) && !client.IsClosed)
            {
                try
                {
                    await client.ExecuteAsync(keepAlive.Command, disposing).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RconException or InvalidOperationException or ArgumentException)
                {
                    // Whatever ExecuteAsync can refuse or fail with, a command that cannot be sent included: reported, and the timer goes on.
                    _keepAliveFailed?.Invoke(e);
                }
            }
        }
        catch (OperationCanceledException) when (disposing.IsCancellationRequested)
        {
        }
    }

    /// <summary>Forgets a failed or closed attempt, so the next caller starts a new one, and closes its client.</summary>
    private void Retire(Attempt attempt)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_current, attempt))
            {
                return;
            }

            _current = null;
        }

        attempt.Client.Dispose();
    }

    private void Track(Task task)
    {
        _background.RemoveAll(static t => t.IsCompleted);
        _background.Add(task);

        // A failed attempt that nobody awaits (every caller gave up waiting) is not an unobserved exception.
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A client and the task that connects and authenticates it.</summary>
    private sealed record Attempt(RconClient Client, Task Authenticated);
}
