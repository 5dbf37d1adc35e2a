using System.Net;

namespace RconTyped.Query;

/// <summary>A server query got no usable answer within its timeout, on any of its attempts.</summary>
public sealed class A2STimeoutException : A2SException
{
    /// <summary>Creates an exception for a query to <paramref name="endPoint"/>.</summary>
    public A2STimeoutException(string message, EndPoint? endPoint, A2SQueryKind kind, TimeSpan timeout, int attempts)
        : base(message, endPoint, kind)
    {
        Timeout = timeout;
        Attempts = attempts;
    }

    /// <summary>The time each attempt waited.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many times the query was sent (challenge answers not counted).</summary>
    public int Attempts { get; }
}
