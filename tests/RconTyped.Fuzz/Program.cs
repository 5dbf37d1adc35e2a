using System.Buffers;
using System.Net;
using System.Text;
using RconTyped;
using RconTyped.Logs;
using RconTyped.Protocol;
using SharpFuzz;

// Fuzz targets (docs/fuzzing.md), chosen by name:
//   codec         RconCodec.Decode: any input decodes to packets, needs more data, or is RconProtocolException.
//   log-line      LogEvent.Parse and LogLineAssembler: any text parses, nothing throws.
//   log-datagram  RconLogListener's datagram path (header, secret, UTF-8, split lines, the queue): nothing throws.
//   a2s-datagram  A2SClient's datagram path (A2SRouter: challenges, answers, split pieces, bzip2, the parsers): nothing throws.
// Anything else (an IndexOutOfRangeException, an endless loop) is a bug the fuzzer reports.
string mode = args.Length > 0 ? args[0] : "--libfuzzer";
string target = args.Length > 1 && mode is "--afl" or "--libfuzzer" ? args[1] : Environment.GetEnvironmentVariable("FUZZ_TARGET") ?? "codec";
Action<byte[]> run = target switch
{
    "codec" => DecodeAll,
    "log-line" => ParseLines,
    "log-datagram" => AcceptDatagrams,
    "a2s-datagram" => RouteQueryDatagrams,
    _ => throw new ArgumentException($"unknown target '{target}': codec, log-line, log-datagram or a2s-datagram"),
};

if (mode == "--replay")
{
    // Runs one input file through a target without the fuzzer: for reproducing a crash the fuzzer saved.
    string replayTarget = args.Length > 2 ? args[2] : "codec";
    (replayTarget switch { "log-line" => ParseLines, "log-datagram" => AcceptDatagrams, "a2s-datagram" => RouteQueryDatagrams, _ => (Action<byte[]>)DecodeAll })(File.ReadAllBytes(args[1]));
    Console.WriteLine("no crash");
    return;
}

if (mode == "--write-seeds")
{
    // A starting corpus for each target.
    string directory = args[1];
    Directory.CreateDirectory(directory);
    string which = args.Length > 2 ? args[2] : "codec";
    foreach ((string name, byte[] seed) in which switch { "log-line" => LogLineSeeds(), "log-datagram" => DatagramSeeds(), "a2s-datagram" => QuerySeeds(), _ => CodecSeeds() })
    {
        File.WriteAllBytes(Path.Combine(directory, name), seed);
    }

    return;
}

if (mode == "--afl")
{
    // AFL++ (afl-fuzz from Debian's afl++ package) runs this process and feeds inputs through stdin.
    Fuzzer.Run(stream =>
    {
        using var input = new MemoryStream();
        stream.CopyTo(input);
        run(input.ToArray());
    });
    return;
}

Fuzzer.LibFuzzer.Run(span => run(span.ToArray()));

static void DecodeAll(byte[] input)
{
    try
    {
        // The first byte picks how the stream is cut, so segmented decoding is fuzzed too.
        int segment = input.Length == 0 ? 1 : (input[0] % 16) + 1;
        ReadOnlySequence<byte> sequence = RconTyped.Tests.TestSequence.Create(input, segment);
        ReadOnlySpan<byte> span = input;
        while (RconCodec.Decode(span, out _, out _, out int consumed, maxPacketSize: 8192) == RconDecodeStatus.Complete)
        {
            span = span[consumed..];
        }

        while (RconCodec.Decode(sequence, out _, out _, out SequencePosition end, maxPacketSize: 8192) == RconDecodeStatus.Complete)
        {
            sequence = sequence.Slice(end);
        }
    }
    catch (RconProtocolException)
    {
        // Malformed input, refused clearly: the expected outcome.
    }
}

// Each line alone, then all of them through one assembler (JSON blocks, blocks broken by other lines).
static void ParseLines(byte[] input)
{
    string text = Encoding.UTF8.GetString(input);
    var assembler = new LogLineAssembler();
    foreach (string line in text.Split('\n'))
    {
        LogEvent parsed = LogEvent.Parse(line);
        _ = parsed.Raw.Length + parsed.Properties.Count;
        assembler.Add(line);
    }

    assembler.Flush();
}

// The first byte picks the listener's secret (none or "12345") and the source; 0xFD separates datagrams.
static void AcceptDatagrams(byte[] input)
{
    var options = new RconLogListenerOptions { QueueCapacity = 64, Secret = input.Length > 0 && (input[0] & 1) == 1 ? "12345" : null };
    var listener = new RconLogListener(options);
    var source = new IPEndPoint(IPAddress.Loopback, input.Length > 0 ? 27015 + (input[0] >> 1) : 27015);
    ReadOnlySpan<byte> rest = input.Length > 0 ? input.AsSpan(1) : [];
    while (true)
    {
        int separator = rest.IndexOf((byte)0xFD);
        listener.Accept(separator < 0 ? rest : rest[..separator], source);
        if (separator < 0)
        {
            break;
        }

        rest = rest[(separator + 1)..];
    }
}

static void RouteQueryDatagrams(byte[] input)
{
    // The input is a run of datagrams, each a length byte and that many bytes, sent to a router with one query of each
    // kind waiting; then every answer that reached a query is parsed, as the client would.
    var server = new IPEndPoint(IPAddress.Loopback, 27015);
    var router = new RconTyped.Query.A2SRouter(new RconTyped.Query.A2SLimits(16 * 1024, 32), 4, 3, new RconTyped.Query.A2SStatistics(), (_, _, _) => { });
    var queries = new List<RconTyped.Query.A2SPendingQuery>();
    foreach (RconTyped.Query.A2SQueryKind kind in Enum.GetValues<RconTyped.Query.A2SQueryKind>())
    {
        RconTyped.Query.A2SServerState state = router.Enter(server, kind, Task.CompletedTask, out _);
        queries.Add(router.Begin(state, server, kind));
    }

    ReadOnlySpan<byte> rest = input;
    while (!rest.IsEmpty)
    {
        int length = Math.Min(rest[0], rest.Length - 1);
        router.OnDatagram(rest.Slice(1, length), server);
        rest = rest[(1 + length)..];
    }

    foreach (RconTyped.Query.A2SPendingQuery query in queries)
    {
        if (query.Answer.Task.IsCompletedSuccessfully)
        {
            (byte type, byte[] payload) = query.Answer.Task.Result;
            _ = RconTyped.Query.A2SAnswerParser.ParseInfo(type, payload, out _);
            _ = RconTyped.Query.A2SAnswerParser.ParsePlayers(payload, out _);
            _ = RconTyped.Query.A2SAnswerParser.ParseRules(payload, out _);
        }
    }
}

static IEnumerable<(string, byte[])> QuerySeeds()
{
    byte[] challenge = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'A', 1, 2, 3, 4];
    byte[] info = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'I', 17, (byte)'n', 0, (byte)'m', 0, (byte)'f', 0, (byte)'g', 0, 0xDA, 0x02, 1, 24, 0, (byte)'d', (byte)'l', 0, 1, (byte)'1', 0, 0x80, 0x87, 0x69];
    byte[] players = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'D', 1, 0, (byte)'p', 0, 3, 0, 0, 0, 0, 0, 0x80, 0x3F];
    byte[] rules = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'E', 1, 0, (byte)'a', 0, (byte)'b', 0];
    byte[] piece0 = [0xFE, 0xFF, 0xFF, 0xFF, 7, 0, 0, 0, 2, 0, 0xE0, 0x04, .. rules.AsSpan(0, 6)];
    byte[] piece1 = [0xFE, 0xFF, 0xFF, 0xFF, 7, 0, 0, 0, 2, 1, 0xE0, 0x04, .. rules.AsSpan(6)];
    byte[] Run(params byte[][] datagrams) => [.. datagrams.SelectMany(d => (byte[])[(byte)d.Length, .. d])];
    yield return ("a2s-answers", Run(challenge, info, players, rules));
    yield return ("a2s-split", Run(piece1, piece0));
}

static IEnumerable<(string, byte[])> CodecSeeds()
{
    // Whole packets, a stream of several, a packet cut short, a size field past the limit, text.
    byte[] auth = Packet(1, RconPacketType.Auth, "password"u8);
    byte[] answer = Packet(7, RconPacketType.ResponseValue, "\"sv_gravity\" = \"800\""u8);
    byte[] empty = Packet(8, RconPacketType.ResponseValue, []);
    byte[] trailer = Packet(8, RconPacketType.ResponseValue, [0, 1, 0, 0]);
    yield return ("auth", [0, .. auth]);
    yield return ("mirror-stream", [3, .. answer, .. empty, .. trailer]);
    yield return ("cut-short", [5, .. answer[..^6]]);
    yield return ("huge-size", [1, 0xFF, 0xFF, 0xFF, 0x7F, 1, 0, 0, 0, 0, 0, 0, 0]);
    yield return ("http", [.. "\u0000HTTP/1.1 400 Bad Request\r\n\r\n"u8]);
}

// One line of each shape the parser reads, in the formats of the real logs in tests/data/logs and docs/logs.md.
static IEnumerable<(string, byte[])> LogLineSeeds()
{
    string[] lines =
    [
        "L 02/02/2014 - 22:10:37: \"LittleLies<16><STEAM_0:0:55031498><Blue>\" killed \"Aquila<15><STEAM_0:0:43087158><Red>\" with \"tf_projectile_pipe\" (attacker_position \"1018 -1356 256\") (victim_position \"870 -1342 256\")",
        "L 02/02/2014 - 22:10:36: \"LittleLies<16><STEAM_0:0:55031498><Blue>\" triggered \"damage\" against \"Aquila<15><STEAM_0:0:43087158><Red>\" (damage \"102\") (weapon \"tf_projectile_pipe\")",
        "11/28/2021 - 20:33:37: \"s1mple<30><STEAM_1:1:36968273><TERRORIST>\" [1175 -911 -408] attacked \"apEX<25><STEAM_1:1:14739219><CT>\" [2504 -344 -353] with \"ak47\" (damage \"33\") (damage_armor \"0\") (health \"67\") (armor \"0\") (hitgroup \"chest\")",
        "11/28/2021 - 20:33:18: \"s1mple<11><STEAM_1:1:36968273><TERRORIST>\" money change 16000-1000 = $15000 (tracked) (purchase: item_assaultsuit)",
        "11/28/2021 - 20:50:44: Vote started \"StartTimeOut \" from #10 \"Boombl4<29><STEAM_1:0:92970669><TERRORIST><Area 3018>\"",
        "08/19/2025 - 19:03:56.030 - ACCOLADE, FINAL: {3k},\tNxS Sebo<6>,\tVALUE: 2.000000,\tPOS: 1,\tSCORE: 53.333336",
        "08/19/2025 - 19:03:56.030 - Game Over: competitive  de_dust2 score 17:19 after 49 min",
        "08/19/2025 - 19:03:56.030 - MatchStatus: Score: 17:19 on map \"de_dust2\" RoundsPlayed: 36",
        "08/19/2025 - 19:03:29.979 - \"NxS Sebo<6><[U:1:387734521]><TERRORIST>\" sv_throw_molotov -1943.109 1620.291 94.267 0.000 0.000 0.000 -43.637 382.594 -112.847 600.000 148.000 0.000 46",
        "08/19/2025 - 19:03:29.979 - Molotov projectile spawned at -1943.108643 1620.290771 94.266525, velocity -43.637043 382.594208 -112.847183",
        "L 07/03/2017 - 21:15:10: rcon from \"0.0.0.0:41380\": command \"rcon_password x;status\"",
        "L 03/04/2024 - 20:01:02: Bad Rcon: \"rcon 1234567 \"guess\" status\" from \"1.2.3.4:27005\"",
        "L 03/04/2024 - 20:01:02: [basecommands.smx] \"Console<0><Console><Console>\" kicked \"Ana<7><[U:1:42]><>\" (reason \"afk\")",
        "L 03/04/2024 - 20:01:02: Banid: \"Ana<7><[U:1:42]><>\" was banned \"for 5.00 minutes\" by \"Console\"",
        "L 07/03/2017 - 21:15:35: \"• Ben •<3><STEAM_1:0:160621749>\" switched from team <Unassigned> to <TERRORIST>",
        "08/19/2025 - 18:11:47.174 - JSON_BEGIN{\n08/19/2025 - 18:11:47.174 - \"name\": \"round_stats\",\n08/19/2025 - 18:11:47.174 - }}JSON_END",
    ];
    for (int i = 0; i < lines.Length; i++)
    {
        yield return ($"line-{i:00}", Encoding.UTF8.GetBytes(lines[i]));
    }
}

static IEnumerable<(string, byte[])> DatagramSeeds()
{
    byte[] kill = Encoding.UTF8.GetBytes("L 11/30/2026 - 12:00:00: \"a<2><[U:1:1]><CT>\" killed \"b<3><[U:1:2]><TERRORIST>\" with \"ak47\"\n\0");
    yield return ("unsigned", [0, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'R', .. kill]);
    yield return ("signed", [1, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'S', .. "12345"u8, .. kill]);
    yield return ("split", [0, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'R', .. kill[..40], 0xFD, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'R', .. kill[40..]]);
    yield return ("invalid-utf8", [0, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'R', .. "L 11/30/2026 - 12:00:00: \"n"u8, 0xC3, 0x28, .. "<2><BOT><CT>\" entered the game\n"u8]);
}

static byte[] Packet(int id, RconPacketType type, ReadOnlySpan<byte> body)
{
    byte[] packet = new byte[RconCodec.GetPacketLength(body.Length)];
    RconCodec.Encode(packet, id, type, body);
    return packet;
}
