using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// Answers the read loop finished in one read, handed over on the thread pool in one work item: the read loop never runs
/// callers' code, and the commands those callers send next leave in one write (<see cref="PacketWriter.Coalesce"/>).
/// </summary>
internal sealed class CompletedCommands : IThreadPoolWorkItem
{
    private readonly PendingCommand[] _commands;

    private CompletedCommands(PendingCommand[] commands) => _commands = commands;

    /// <summary>Queues the staged commands (then clears the list) on the current thread's local queue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Deliver(List<PendingCommand> staged)
    {
        if (staged.Count == 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(staged[0], preferLocal: true);
        }
        else if (staged.Count > 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(new CompletedCommands([.. staged]), preferLocal: true);
        }

        staged.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute()
    {
        using PacketWriter.CoalescingScope coalescing = PacketWriter.Coalesce();
        foreach (PendingCommand command in _commands)
        {
            command.Deliver();
        }
    }
}
