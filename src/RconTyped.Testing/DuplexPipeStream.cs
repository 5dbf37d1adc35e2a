using System.IO.Pipelines;

namespace RconTyped.Testing;

/// <summary>
/// A stream that reads from one pipe and writes to another: one end of an <see cref="InMemoryStreamPair"/>. An optional
/// callback sees the length of every write, so tests can check how a server splits its writes.
/// </summary>
internal sealed class DuplexPipeStream(PipeReader input, PipeWriter output, Action<int>? wrote = null) : Stream
{
    private readonly Stream _input = input.AsStream();
    private readonly Stream _output = output.AsStream();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _input.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _input.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        wrote?.Invoke(count);
        _output.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        wrote?.Invoke(buffer.Length);
        return _output.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Ends this side: a read pending here stops, and the peer reads the end of the stream. The reader is left to
            // whoever reads it (a read may still be under way on another thread); cancelling its pending read ends it.
            input.CancelPendingRead();
            output.Complete();
        }

        base.Dispose(disposing);
    }
}
