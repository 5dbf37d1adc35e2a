using System.Net;

namespace RconTyped.Query;

/// <summary>One server's outcome in a query of many: the answer, or why there is none.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
public readonly record struct A2SResult<T>
    where T : class
{
    internal A2SResult(IPEndPoint endPoint, T? value, A2SException? error, TimeSpan elapsed)
    {
        EndPoint = endPoint;
        Value = value;
        Error = error;
        Elapsed = elapsed;
    }

    /// <summary>The server queried.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The answer; null when <see cref="Error"/> is set.</summary>
    public T? Value { get; }

    /// <summary>Why there is no answer (a timeout, or an answer that could not be read); null on success.</summary>
    public A2SException? Error { get; }

    /// <summary>From sending the query to its outcome.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether <see cref="Value"/> holds the answer.</summary>
    public bool IsSuccess => Error is null;
}
