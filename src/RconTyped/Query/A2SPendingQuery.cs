using System.Net;

namespace RconTyped.Query;

/// <summary>One query waiting for its answer; the receive loop completes it (never runs its caller's code: continuations are asynchronous).</summary>
internal sealed class A2SPendingQuery
{
    public A2SPendingQuery(IPEndPoint endPoint, A2SQueryKind kind)
    {
        EndPoint = endPoint;
        Kind = kind;
    }

    public IPEndPoint EndPoint { get; }

    public A2SQueryKind Kind { get; }

    /// <summary>The challenge to send; set by the receive loop when the server sends one (under the router's lock).</summary>
    public int Challenge { get; set; } = A2SRequest.NoChallenge;

    public int ChallengesFollowed { get; set; }

    /// <summary>The answer's type byte and payload (after the type byte).</summary>
    public TaskCompletionSource<(byte Type, byte[] Payload)> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
