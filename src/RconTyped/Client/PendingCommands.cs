using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// The commands of one connection that wait for answers, by request id (and end-marker id), with one timer for all their
/// deadlines. The command timeout is the same for every command, so deadlines come in the order commands were added:
/// the timer only ever waits for the oldest unfinished one. The deadline queue holds each command with its generation: a
/// command object is reused once answered (<see cref="PendingCommand"/>), and an old entry must not time out its next use.
/// </summary>
internal sealed class PendingCommands : IDisposable
{
    private readonly Dictionary<int, PendingCommand> _byId = [];
    private readonly Queue<(PendingCommand Command, int Generation)> _byDeadline = new();
    private readonly TimeProvider _time;
    private readonly Action<PendingCommand, int> _onExpired;
    private readonly long _timeoutTicks;
    private ITimer? _timer;
    private bool _timerArmed;
    private bool _closed;

    public PendingCommands(TimeProvider time, TimeSpan timeout, Action<PendingCommand, int> onExpired)
    {
        _time = time;
        _onExpired = onExpired;
        _timeoutTicks = timeout == Timeout.InfiniteTimeSpan ? -1 : (long)(timeout.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>The deadline of a command added now.</summary>
    public long NextDeadline() => _timeoutTicks < 0 ? long.MaxValue : _time.GetTimestamp() + _timeoutTicks;

    /// <summary>Adds a command; false once the connection has ended (nothing was added).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(PendingCommand command)
    {
        lock (_byId)
        {
            if (_closed)
            {
                return false;
            }

            _byId[command.Id] = command;
            if (command.EndMarkerId != PendingCommand.NoEndMarker)
            {
                _byId[command.EndMarkerId] = command;
            }

            if (command.Deadline != long.MaxValue)
            {
                _byDeadline.Enqueue((command, command.Generation));
                if (!_timerArmed)
                {
                    Arm(command.Deadline);
                }
            }

            return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PendingCommand? Find(int id)
    {
        lock (_byId)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>The one command waiting, for dialects whose answers carry no id (one command in flight).</summary>
    public PendingCommand? Single()
    {
        lock (_byId)
        {
            foreach (PendingCommand command in _byId.Values)
            {
                return command;
            }

            return null;
        }
    }

    /// <summary>Forgets a finished command; a late packet with its ids is then discarded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(PendingCommand command)
    {
        lock (_byId)
        {
            _byId.Remove(command.Id);
            if (command.EndMarkerId != PendingCommand.NoEndMarker)
            {
                _byId.Remove(command.EndMarkerId);
            }

            // Finished commands at the head leave now, so the queue stays short while answers come in order.
            while (_byDeadline.TryPeek(out (PendingCommand Command, int Generation) oldest) && !oldest.Command.IsWaiting(oldest.Generation))
            {
                _byDeadline.Dequeue();
            }
        }
    }

    /// <summary>
    /// Takes every command still waiting, each with its generation (fail it with <see cref="PendingCommand.TryClaim(int)"/>:
    /// one answered meanwhile may already serve another command); with <paramref name="refuseNew"/>, the table then
    /// refuses new ones (the connection ended).
    /// </summary>
    public List<(PendingCommand Command, int Generation)> Close(bool refuseNew = true)
    {
        lock (_byId)
        {
            _closed |= refuseNew;
            var waiting = new List<(PendingCommand Command, int Generation)>(_byId.Count);
            foreach (KeyValuePair<int, PendingCommand> entry in _byId)
            {
                if (entry.Key == entry.Value.Id)
                {
                    waiting.Add((entry.Value, entry.Value.Generation)); // once, under its request id (not again under its end marker's)
                }
            }

            _byId.Clear();
            _byDeadline.Clear();
            return waiting;
        }
    }

    public void Dispose()
    {
        lock (_byId)
        {
            _closed = true;
            _timer?.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Arm(long deadline)
    {
        TimeSpan due = TimeSpan.FromSeconds(Math.Max(0, deadline - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
        if (_timer is null)
        {
            _timer = _time.CreateTimer(static state => ((PendingCommands)state!).OnTimer(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }

        _timerArmed = true;
    }

    private void OnTimer()
    {
        List<(PendingCommand Command, int Generation)>? expired = null;
        lock (_byId)
        {
            _timerArmed = false;
            if (_closed)
            {
                return;
            }

            long now = _time.GetTimestamp();
            while (_byDeadline.TryPeek(out (PendingCommand Command, int Generation) oldest))
            {
                if (!oldest.Command.IsWaiting(oldest.Generation))
                {
                    _byDeadline.Dequeue();
                }
                else if (oldest.Command.Deadline <= now)
                {
                    _byDeadline.Dequeue();
                    (expired ??= []).Add(oldest);
                }
                else
                {
                    Arm(oldest.Command.Deadline);
                    break;
                }
            }
        }

        if (expired is not null)
        {
            // Outside the lock: an answer may finish (and a caller reuse) a command meanwhile, so expiry claims by generation.
            foreach ((PendingCommand command, int generation) in expired)
            {
                _onExpired(command, generation);
            }
        }
    }
}
