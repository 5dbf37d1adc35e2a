using System.IO.Pipelines;

namespace RconTyped.Testing;

/// <summary>Two connected in-memory streams: what one writes, the other reads. Disposing one ends both directions for the other.</summary>
internal static class InMemoryStreamPair
{
    public static (Stream First, Stream Second) Create()
    {
        var toSecond = new Pipe();
        var toFirst = new Pipe();
        return (new DuplexPipeStream(toFirst.Reader, toSecond.Writer), new DuplexPipeStream(toSecond.Reader, toFirst.Writer));
    }
}
