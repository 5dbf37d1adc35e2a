using System.Net;
using RconTyped.Query;

namespace RconTyped.Cli;

/// <summary>What <c>rcon-typed query</c> learnt about one server: what arrived, and the first failure.</summary>
internal sealed record ServerReport(IPEndPoint EndPoint, ServerInfo? Info, IReadOnlyList<QueryPlayer>? Players, ServerRules? Rules, A2SException? Error);
