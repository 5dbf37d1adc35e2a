namespace RconTyped.Query;

/// <summary>What the client holds for one server while queries to it are in flight: one query per kind, and split answers being joined.</summary>
internal sealed class A2SServerState
{
    private readonly A2SPendingQuery?[] _queries = new A2SPendingQuery?[3];
    private readonly Task[] _turns = [Task.CompletedTask, Task.CompletedTask, Task.CompletedTask];

    public List<A2SSplitAnswer> Splits { get; } = [];

    /// <summary>Learnt from an INFO answer: which split layout this server uses.</summary>
    public A2SEngine? Engine { get; set; }

    /// <summary>Why the last answer from this server was dropped: said when its query times out.</summary>
    public string? LastDrop { get; set; }

    public int Active { get; set; }

    public A2SPendingQuery? this[A2SQueryKind kind]
    {
        get => _queries[(int)kind];
        set => _queries[(int)kind] = value;
    }

    public bool HasQueries => _queries[0] is not null || _queries[1] is not null || _queries[2] is not null;

    /// <summary>Queues a query of <paramref name="kind"/> behind the one before it: returns what to wait for, and takes <paramref name="mine"/> as the next turn.</summary>
    public Task TakeTurn(A2SQueryKind kind, Task mine)
    {
        Task previous = _turns[(int)kind];
        _turns[(int)kind] = mine;
        return previous;
    }

    public IEnumerable<A2SPendingQuery> Queries()
    {
        foreach (A2SPendingQuery? query in _queries)
        {
            if (query is not null)
            {
                yield return query;
            }
        }
    }
}
