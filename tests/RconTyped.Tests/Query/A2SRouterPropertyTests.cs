using System.Buffers.Binary;
using System.Net;
using CsCheck;
using RconTyped.Query;

namespace RconTyped.Tests.Query;

/// <summary>
/// The routing every datagram goes through, without a socket: no datagram makes it throw, whatever it holds, and its
/// memory stays within its bounds. The same path is the <c>a2s-datagram</c> fuzz target (docs/fuzzing.md).
/// </summary>
public sealed class A2SRouterPropertyTests
{
    private static readonly IPEndPoint Server = new(IPAddress.Loopback, 27015);

    /// <summary>Datagrams shaped like answers (either header, any type byte, a few split ids) as often as random ones.</summary>
    private static readonly Gen<byte[]> Datagrams = Gen.OneOf(
        Gen.Byte.Array[0, 64],
        Gen.Select(Gen.Int[0, 5].Select(i => "AImDEX"[i]), Gen.Byte.Array[0, 300],
            (type, payload) => (byte[])[0xFF, 0xFF, 0xFF, 0xFF, (byte)type, .. payload]),
        Gen.Select(Gen.Int[-3, 3], Gen.Byte, Gen.Byte, Gen.Byte.Array[0, 300],
            (id, total, number, payload) => Split(id, total, number, payload)),
        Gen.Select(Gen.Int[-3, 3], Gen.Byte, Gen.Byte.Array[0, 300],
            (id, packed, payload) => (byte[])[0xFE, 0xFF, 0xFF, 0xFF, .. BitConverter.GetBytes(id), packed, .. payload]));

    [Fact]
    public void No_sequence_of_datagrams_makes_the_router_throw_or_grow_past_its_bounds()
    {
        Datagrams.List[1, 60].Sample(datagrams =>
        {
            (A2SRouter router, A2SServerState state, _) = RouterWithThreeQueries();
            foreach (byte[] datagram in datagrams)
            {
                router.OnDatagram(datagram, Server);
                router.OnDatagram(datagram, new IPEndPoint(IPAddress.Loopback, 27016)); // no query there: stray
            }

            Assert.True(state.Splits.Count <= 4, $"{state.Splits.Count} split answers held");
            Assert.Equal(2 * datagrams.Count, router.Statistics.Received);
            Assert.True(router.Statistics.Stray + router.Statistics.Malformed >= datagrams.Count); // every one sent to the address without a query
        }, iter: 5_000);
    }

    [Fact]
    public void Real_answers_cut_at_every_position_never_throw_and_whole_ones_reach_their_query()
    {
        byte[] info = A2SRealDataTests.Load("steamquerynet-info.txt");
        byte[] players = A2SRealDataTests.Load("steamquerynet-players.txt");
        foreach (byte[] answer in new[] { info, players })
        {
            for (int length = 0; length <= answer.Length; length++)
            {
                (A2SRouter router, _, _) = RouterWithThreeQueries();
                router.OnDatagram(answer.AsSpan(0, length), Server);
            }
        }

        (A2SRouter whole, A2SServerState state, _) = RouterWithThreeQueries();
        whole.OnDatagram(info, Server);
        whole.OnDatagram(players, Server);
        Assert.True(state[A2SQueryKind.Info]!.Answer.Task.IsCompletedSuccessfully);
        Assert.True(state[A2SQueryKind.Players]!.Answer.Task.IsCompletedSuccessfully);
        Assert.False(state[A2SQueryKind.Rules]!.Answer.Task.IsCompleted);
        Assert.Equal(2, whole.Statistics.Answers);
    }

    [Fact]
    public void A_split_piece_from_another_server_is_never_joined_to_this_servers_answer()
    {
        (A2SRouter router, A2SServerState state, _) = RouterWithThreeQueries();
        var other = new IPEndPoint(IPAddress.Loopback, 27016);
        A2SServerState otherState = router.Enter(other, A2SQueryKind.Rules, Task.CompletedTask, out _);
        router.Begin(otherState, other, A2SQueryKind.Rules);
        byte[] rules = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'E', 1, 0, (byte)'a', 0, (byte)'b', 0];
        byte[] first = Split(7, 2, 0, rules[..6]);
        byte[] second = Split(7, 2, 1, rules[6..]);

        router.OnDatagram(first, Server);
        router.OnDatagram(second, other); // same id and layout, wrong server
        Assert.False(state[A2SQueryKind.Rules]!.Answer.Task.IsCompleted);
        Assert.False(otherState[A2SQueryKind.Rules]!.Answer.Task.IsCompleted);

        router.OnDatagram(second, Server);
        Assert.True(state[A2SQueryKind.Rules]!.Answer.Task.IsCompletedSuccessfully);
        Assert.False(otherState[A2SQueryKind.Rules]!.Answer.Task.IsCompleted);
    }

    [Fact]
    public void A_challenge_is_followed_for_each_waiting_query_at_most_MaxChallenges_times()
    {
        (A2SRouter router, _, List<(A2SQueryKind Kind, int Challenge)> resent) = RouterWithThreeQueries();
        byte[] challenge = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'A', 0x78, 0x56, 0x34, 0x12];
        for (int i = 0; i < 10; i++)
        {
            router.OnDatagram(challenge, Server);
        }

        Assert.Equal(9, resent.Count); // three queries, three challenges each
        Assert.All(resent, r => Assert.Equal(0x12345678, r.Challenge));
    }

    private static (A2SRouter Router, A2SServerState State, List<(A2SQueryKind, int)> Resent) RouterWithThreeQueries()
    {
        var resent = new List<(A2SQueryKind, int)>();
        var router = new A2SRouter(new A2SLimits(64 * 1024, 64), maxSplitsPerServer: 4, maxChallenges: 3, new A2SStatistics(), (_, kind, challenge) => resent.Add((kind, challenge)));
        A2SServerState state = null!;
        foreach (A2SQueryKind kind in Enum.GetValues<A2SQueryKind>())
        {
            state = router.Enter(Server, kind, Task.CompletedTask, out _);
            router.Begin(state, Server, kind);
        }

        return (router, state, resent);
    }

    private static byte[] Split(int id, byte total, byte number, byte[] payload)
    {
        byte[] header = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, -2);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), id < 0 ? id | int.MinValue : id);
        header[8] = total;
        header[9] = number;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), 1248);
        return [.. header, .. payload];
    }
}
