namespace RconTyped.Query;

/// <summary>What an <see cref="A2SClient"/>'s sockets saw: every datagram that was not an answer is counted, never thrown.</summary>
public sealed class A2SStatistics
{
    private long _sent;
    private long _received;
    private long _answers;
    private long _challenges;
    private long _stray;
    private long _malformed;
    private long _splitPieces;
    private long _duplicatePieces;
    private long _droppedSplits;
    private long _timeouts;

    /// <summary>Datagrams sent (queries, their retries and their challenge answers).</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Datagrams received.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Whole answers handed to their queries.</summary>
    public long Answers => Volatile.Read(ref _answers);

    /// <summary>Challenges (<c>S2C_CHALLENGE</c>) answered.</summary>
    public long Challenges => Volatile.Read(ref _challenges);

    /// <summary>Datagrams from an address no query was waiting on, or of a kind no query there asked for.</summary>
    public long Stray => Volatile.Read(ref _stray);

    /// <summary>Datagrams too short, of an unknown header, or that failed while being handled.</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Pieces of split answers received.</summary>
    public long SplitPieces => Volatile.Read(ref _splitPieces);

    /// <summary>Pieces received twice (dropped).</summary>
    public long DuplicatePieces => Volatile.Read(ref _duplicatePieces);

    /// <summary>Split answers dropped: past their bounds, bad bzip2, a CRC32 mismatch, or pushed out by newer ones.</summary>
    public long DroppedSplits => Volatile.Read(ref _droppedSplits);

    /// <summary>Attempts that timed out (a query that then succeeded on a retry counts its timed-out attempts).</summary>
    public long Timeouts => Volatile.Read(ref _timeouts);

    internal void OnSent() => Interlocked.Increment(ref _sent);

    internal void OnReceived() => Interlocked.Increment(ref _received);

    internal void OnAnswer() => Interlocked.Increment(ref _answers);

    internal void OnChallenge() => Interlocked.Increment(ref _challenges);

    internal void OnStray() => Interlocked.Increment(ref _stray);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnSplitPiece() => Interlocked.Increment(ref _splitPieces);

    internal void OnDuplicatePiece() => Interlocked.Increment(ref _duplicatePieces);

    internal void OnDroppedSplit() => Interlocked.Increment(ref _droppedSplits);

    internal void OnTimeout() => Interlocked.Increment(ref _timeouts);
}
