using System.IO.Pipelines;

namespace RconTyped;

/// <summary>
/// For dialects with <see cref="RconDialect.ShortPacketWait"/> (Palworld): notices when the bytes of an unfinished packet
/// have not grown for the wait, and wakes the read loop (by cancelling its pending read) so it can take what arrived.
/// Owned by one read loop; only the timer callback runs elsewhere, and it only calls <see cref="PipeReader.CancelPendingRead"/>.
/// </summary>
internal sealed class ShortPacketWatch : IDisposable
{
    private readonly TimeSpan _wait;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _unfinishedLength;
    private long _grewAt;
    private bool _expiryNoticed;

    /// <summary>How long the read after a noticed expiry may take before the packet is taken as it is.</summary>
    private static readonly TimeSpan Confirmation = TimeSpan.FromMilliseconds(50);

    public ShortPacketWatch(PipeReader reader, TimeSpan wait, TimeProvider time)
    {
        _wait = wait;
        _time = time;
        _timer = time.CreateTimer(static state => Wake((PipeReader)state!), reader, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// True when the unfinished packet has sat unchanged for the whole wait and one read issued after that still brought
    /// nothing. The wake-up itself reads nothing: on a starved machine the rest of the packet can already be waiting in
    /// the socket, unread, when the timer fires, so the first expiry only asks for one more read (<see cref="Confirmation"/>).
    /// </summary>
    public bool HasExpired(long unfinishedLength)
    {
        if (unfinishedLength == 0 || unfinishedLength != _unfinishedLength || _time.GetElapsedTime(_grewAt) < _wait)
        {
            return false;
        }

        if (_expiryNoticed)
        {
            return true;
        }

        _expiryNoticed = true;
        return false;
    }

    /// <summary>Called after each read with the length of the bytes left over (an unfinished packet, or 0).</summary>
    /// <param name="unfinishedLength">Bytes of a packet whose end has not arrived.</param>
    /// <param name="woken">Whether this read was the watch's own wake-up.</param>
    public void Observe(long unfinishedLength, bool woken)
    {
        if (unfinishedLength == 0)
        {
            _unfinishedLength = 0;
            _expiryNoticed = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        if (unfinishedLength != _unfinishedLength)
        {
            // New bytes: the wait starts again from now.
            _unfinishedLength = unfinishedLength;
            _grewAt = _time.GetTimestamp();
            _expiryNoticed = false;
            _timer.Change(_wait, Timeout.InfiniteTimeSpan);
        }
        else if (_expiryNoticed)
        {
            // The next read goes to the socket now; if it brings nothing within the confirmation, the packet is taken.
            _timer.Change(Confirmation, Timeout.InfiniteTimeSpan);
        }
        else if (woken)
        {
            // Woken early (the timer raced a read that brought bytes) or with no command to give the bytes to: wait out the rest.
            TimeSpan left = _wait - _time.GetElapsedTime(_grewAt);
            _timer.Change(left > TimeSpan.Zero ? left : _wait, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    private static void Wake(PipeReader reader)
    {
        try
        {
            reader.CancelPendingRead();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The connection ended as the timer fired: nothing is left to wake.
        }
    }
}
