using System.Diagnostics;

namespace RconTyped.Cli.Tests;

/// <summary>
/// A clock that runs <c>factor</c> times faster than real time, for tests that drive the whole tool and cannot move a
/// fake clock between its steps: a 4-second <c>--timeout</c> at 20× passes in 200 ms.
/// </summary>
internal sealed class ScaledTimeProvider(double factor) : TimeProvider
{
    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => (long)(Stopwatch.GetTimestamp() * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
