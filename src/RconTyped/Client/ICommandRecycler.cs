namespace RconTyped;

/// <summary>Where an answered <see cref="PendingCommand"/> goes once its caller has read the answer: its connection, for the next command.</summary>
internal interface ICommandRecycler
{
    void Recycle(PendingCommand command);
}
