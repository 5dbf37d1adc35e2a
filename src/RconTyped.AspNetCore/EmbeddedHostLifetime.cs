using Microsoft.Extensions.Hosting;

namespace RconTyped.AspNetCore;

/// <summary>
/// The lifetime of the web host a standalone <see cref="RconHttpLogListener"/> runs inside someone else's process: none of
/// its own. The default (<c>ConsoleLifetime</c>) would take the process's SIGTERM and Ctrl+C, stop only this host and
/// cancel the signal, so the process would not end; the listener is started and stopped by its owner instead.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
