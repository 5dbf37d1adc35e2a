using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace RconTyped.Query;

/// <summary>
/// The table of queries in flight and the routing of every datagram to one of them, apart from any socket: the receive
/// loop hands it datagrams, the fuzz target and the property tests too. It never throws for a datagram's content; what is
/// not an answer is counted in <see cref="A2SStatistics"/>. One lock guards the table and every state in it.
/// </summary>
internal sealed class A2SRouter
{
    /// <summary>How many servers' challenges are remembered past their queries, so the next query sends one at once.</summary>
    public const int MaxRememberedChallenges = 16_384;

    private readonly object _gate = new();
    private readonly Dictionary<IPEndPoint, A2SServerState> _servers = [];
    private readonly Dictionary<IPEndPoint, int> _challenges = [];
    private readonly A2SLimits _limits;
    private readonly int _maxSplitsPerServer;
    private readonly int _maxChallenges;
    private readonly Action<IPEndPoint, A2SQueryKind, int> _resend;
    private bool _closed;

    /// <summary>A router whose <c>resend</c> sends a query again with a challenge: called under the lock, so it must not block (a UDP send does not).</summary>
    public A2SRouter(A2SLimits limits, int maxSplitsPerServer, int maxChallenges, A2SStatistics statistics, Action<IPEndPoint, A2SQueryKind, int> resend)
    {
        _limits = limits;
        _maxSplitsPerServer = maxSplitsPerServer;
        _maxChallenges = maxChallenges;
        Statistics = statistics;
        _resend = resend;
    }

    public A2SStatistics Statistics { get; }

    /// <summary>A caller joins the server's table entry and takes its turn for <paramref name="kind"/>; returns the turn to wait for first.</summary>
    /// <exception cref="ObjectDisposedException">The router was closed.</exception>
    public A2SServerState Enter(IPEndPoint endPoint, A2SQueryKind kind, Task myTurn, out Task previousTurn)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(A2SClient));
            if (!_servers.TryGetValue(endPoint, out A2SServerState? state))
            {
                state = new A2SServerState();
                _servers.Add(endPoint, state);
            }

            state.Active++;
            previousTurn = state.TakeTurn(kind, myTurn);
            return state;
        }
    }

    /// <summary>The caller's turn came: its query is the one answers of its kind from its server go to.</summary>
    /// <remarks>
    /// A server that sent a challenge before is sent it again at once: one round trip instead of two. A server that has
    /// moved on answers with a new challenge, which is followed as always, so a stale one costs what no memory would.
    /// </remarks>
    public A2SPendingQuery Begin(A2SServerState state, IPEndPoint endPoint, A2SQueryKind kind)
    {
        var pending = new A2SPendingQuery(endPoint, kind);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(A2SClient));
            state[kind] = pending;
            state.LastDrop = null;
            if (_challenges.TryGetValue(endPoint, out int remembered))
            {
                pending.Challenge = remembered;
            }
        }

        return pending;
    }

    public int ChallengeOf(A2SPendingQuery pending)
    {
        lock (_gate)
        {
            return pending.Challenge;
        }
    }

    public string? LastDropOf(A2SServerState state)
    {
        lock (_gate)
        {
            return state.LastDrop;
        }
    }

    /// <summary>The caller is done (answered, failed or cancelled): its query leaves, and the server's entry when no caller is left.</summary>
    public void Leave(A2SServerState state, IPEndPoint endPoint, A2SQueryKind kind, A2SPendingQuery? pending)
    {
        lock (_gate)
        {
            if (pending is not null && ReferenceEquals(state[kind], pending))
            {
                state[kind] = null;
            }

            if (--state.Active == 0 && _servers.TryGetValue(endPoint, out A2SServerState? current) && ReferenceEquals(current, state))
            {
                _servers.Remove(endPoint);
            }
        }
    }

    /// <summary>Queries waiting on servers of <paramref name="family"/> (all when null); with <paramref name="close"/>, no query can start afterwards.</summary>
    public List<A2SPendingQuery> Waiting(AddressFamily? family, bool close)
    {
        var waiting = new List<A2SPendingQuery>();
        lock (_gate)
        {
            _closed |= close;
            foreach ((IPEndPoint endPoint, A2SServerState state) in _servers)
            {
                if (family is null || endPoint.AddressFamily == family)
                {
                    waiting.AddRange(state.Queries());
                }
            }
        }

        return waiting;
    }

    /// <summary>Routes one datagram: to the query of its server and kind, into a split answer, or into the counters.</summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        Statistics.OnReceived();
        if (from.Address.IsIPv4MappedToIPv6)
        {
            from = new IPEndPoint(from.Address.MapToIPv4(), from.Port);
        }

        if (datagram.Length < 5)
        {
            Statistics.OnMalformed();
            return;
        }

        int header = BinaryPrimitives.ReadInt32LittleEndian(datagram);
        lock (_gate)
        {
            if (!_servers.TryGetValue(from, out A2SServerState? state) || !state.HasQueries)
            {
                Statistics.OnStray();
                return;
            }

            if (header == -1)
            {
                OnAnswer(state, from, datagram);
            }
            else if (header == -2)
            {
                OnSplitPiece(state, from, datagram);
            }
            else
            {
                Statistics.OnMalformed();
            }
        }
    }

    private void OnSplitPiece(A2SServerState state, IPEndPoint from, ReadOnlySpan<byte> datagram)
    {
        Statistics.OnSplitPiece();
        if (!A2SSplitAnswer.TryReadId(datagram, out int id))
        {
            Statistics.OnMalformed();
            return;
        }

        A2SSplitAnswer? split = state.Splits.Find(s => s.Id == id);
        if (split is null)
        {
            if (state.Splits.Count >= _maxSplitsPerServer)
            {
                state.Splits.RemoveAt(0);
                Statistics.OnDroppedSplit();
            }

            split = new A2SSplitAnswer(id);
            state.Splits.Add(split);
        }

        switch (split.Add(datagram, _limits, state.Engine, out byte[]? answer, out string? error))
        {
            case A2SSplitStep.Complete:
                state.Splits.Remove(split);
                OnAnswer(state, from, answer);
                break;
            case A2SSplitStep.Duplicate:
                Statistics.OnDuplicatePiece();
                break;
            case A2SSplitStep.Failed:
                state.Splits.Remove(split);
                state.LastDrop = error;
                Statistics.OnDroppedSplit();
                break;
        }
    }

    private void OnAnswer(A2SServerState state, IPEndPoint from, ReadOnlySpan<byte> datagram)
    {
        byte type = datagram[4];
        ReadOnlySpan<byte> payload = datagram[5..];
        if (type == A2SAnswerParser.Challenge)
        {
            OnChallenge(state, from, payload);
            return;
        }

        A2SQueryKind? kind = type switch
        {
            A2SAnswerParser.InfoSource or A2SAnswerParser.InfoGoldSource => A2SQueryKind.Info,
            A2SAnswerParser.Players => A2SQueryKind.Players,
            A2SAnswerParser.Rules => A2SQueryKind.Rules,
            _ => null,
        };

        if (kind is not { } k || state[k] is not { } pending)
        {
            Statistics.OnStray();
            return;
        }

        if (type == A2SAnswerParser.InfoGoldSource)
        {
            state.Engine = A2SEngine.GoldSource;
        }
        else if (type == A2SAnswerParser.InfoSource)
        {
            state.Engine = A2SEngine.Source;
        }

        if (pending.Answer.TrySetResult((type, payload.ToArray())))
        {
            Statistics.OnAnswer();
        }
    }

    private void OnChallenge(A2SServerState state, IPEndPoint from, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            Statistics.OnMalformed();
            return;
        }

        int challenge = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (_challenges.Count >= MaxRememberedChallenges && !_challenges.ContainsKey(from))
        {
            _challenges.Clear(); // bounded: a fleet larger than this pays the second round trip now and then
        }

        _challenges[from] = challenge;
        foreach (A2SPendingQuery query in state.Queries())
        {
            if (query.ChallengesFollowed >= _maxChallenges || query.Answer.Task.IsCompleted)
            {
                continue;
            }

            query.ChallengesFollowed++;
            query.Challenge = challenge;
            Statistics.OnChallenge();
            try
            {
                _resend(from, query.Kind, challenge);
            }
            catch (A2SException e)
            {
                query.Answer.TrySetException(e);
            }
            catch (ObjectDisposedException e)
            {
                query.Answer.TrySetException(e);
            }
        }
    }
}
