namespace RconTyped.Logs;

/// <summary>What a log listener has received and what it dropped, counted since it started.</summary>
/// <param name="Received">Datagrams (or HTTP posts) received.</param>
/// <param name="Queued">Events put in the queue for the reader.</param>
/// <param name="NotAllowed">Dropped: from an address not in <see cref="RconLogListenerOptions.AllowedSources"/>.</param>
/// <param name="BadSecret">Dropped: unsigned, or signed with another secret, while <see cref="RconLogListenerOptions.Secret"/> is set.</param>
/// <param name="Malformed">
/// Dropped: not a log datagram (no <c>FF FF FF FF 'R'</c>/<c>'S'</c> header), a split line that never ended, a datagram or
/// post that could not be handled; over HTTP, a post that is not a POST, too large, cut short or too slow.
/// </param>
/// <param name="Overflowed">Events lost because the reader was slower than the server: the oldest waiting ones.</param>
/// <param name="Busy">HTTP posts refused (503) because <see cref="RconLogListenerOptions.MaxHttpBytesInFlight"/> bytes were already being read.</param>
public readonly record struct RconLogListenerStatistics(long Received, long Queued, long NotAllowed, long BadSecret, long Malformed, long Overflowed, long Busy);
