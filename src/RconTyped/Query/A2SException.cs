using System.Net;

namespace RconTyped.Query;

/// <summary>A server query (A2S) failed: the server's answer could not be read, or the query could not be sent.</summary>
public class A2SException : RconException
{
    /// <summary>Creates an exception for a query to <paramref name="endPoint"/>.</summary>
    public A2SException(string message, EndPoint? endPoint, A2SQueryKind kind, Exception? innerException = null)
        : base(message, innerException)
    {
        EndPoint = endPoint;
        Kind = kind;
    }

    /// <summary>The server queried.</summary>
    public EndPoint? EndPoint { get; }

    /// <summary>The query that failed.</summary>
    public A2SQueryKind Kind { get; }
}
