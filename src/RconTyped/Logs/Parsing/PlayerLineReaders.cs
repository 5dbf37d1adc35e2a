using static RconTyped.Logs.Parsing.LogGrammar;

namespace RconTyped.Logs.Parsing;

/// <summary>Reads what a player did, from the text after the verb; null when the rest is not of that verb's shape.</summary>
internal delegate LogEvent? PlayerLineReader(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest);

/// <summary>
/// Lines that start with a player: <c>"Name&lt;uid&gt;&lt;id&gt;&lt;team&gt;" [x y z] verb …</c>. One reader per verb, each
/// in one row of <see cref="Verbs"/>.
/// </summary>
internal static class PlayerLineReaders
{
    public static readonly LogVerbTable<PlayerLineReader> Verbs = new(
        ("killed other ", KilledOther),
        ("killed ", Killed),
        ("was killed by the bomb", KilledByBomb),
        ("attacked ", Attacked),
        ("assisted killing ", (head, player, _, rest) => Assisted(head, player, rest, isFlash: false)),
        ("flash-assisted killing ", (head, player, _, rest) => Assisted(head, player, rest, isFlash: true)),
        ("committed suicide with ", Suicide),
        ("say ", (head, player, _, rest) => Say(head, player, rest, teamOnly: false)),
        ("say_team ", (head, player, _, rest) => Say(head, player, rest, teamOnly: true)),
        ("connected, address ", Connected),
        ("STEAM USERID validated", (head, player, _, _) => new PlayerValidatedEvent(head, player)),
        ("entered the game", (head, player, _, rest) => new PlayerEnteredEvent(head, player) { Properties = LogProperties.Read(rest) }),
        ("disconnected", Disconnected),
        ("joined team ", JoinedTeam),
        ("switched from team <", SwitchedTeam),
        ("changed name to ", (head, player, _, rest) => TryReadQuoted(ref rest, out string? name) ? new PlayerNameChangedEvent(head, player, name) : null),
        ("changed role to ", (head, player, _, rest) => TryReadQuoted(ref rest, out string? role) ? new PlayerRoleChangedEvent(head, player, role) { Properties = LogProperties.Read(rest) } : null),
        ("spawned as ", (head, player, _, rest) => TryReadQuoted(ref rest, out string? role) ? new PlayerSpawnedEvent(head, player, role) { Properties = LogProperties.Read(rest) } : null),
        ("picked up ", PickedUp),
        ("purchased ", (head, player, _, rest) => TryReadQuoted(ref rest, out string? item) ? new PlayerPurchasedEvent(head, player, item) { Properties = LogProperties.Read(rest) } : null),
        ("dropped ", (head, player, _, rest) => TryReadQuoted(ref rest, out string? item) ? new PlayerDroppedEvent(head, player, item) { Properties = LogProperties.Read(rest) } : null),
        ("threw ", Threw),
        ("sv_throw_", GrenadeThrow),
        ("blinded for ", Blinded),
        ("money change ", MoneyChange),
        ("has ", MoneyBalance),
        ("left buyzone with [", LeftBuyZone),
        ("triggered ", Triggered));

    /// <summary>A line that starts with a quote: a player's, or a <c>"name" = "value"</c> cvar dump line.</summary>
    public static LogEvent? Read(LogLineHead head, ReadOnlySpan<char> body)
    {
        ReadOnlySpan<char> rest = body;
        if (!TryReadPlayer(ref rest, out LogPlayer? player))
        {
            return CvarDump(head, body);
        }

        LogVector? position = ReadBracketedPosition(ref rest);
        return TrySkip(ref rest, " ") && Verbs.TryMatch(rest, out PlayerLineReader? reader, out int verb) ? reader(head, player, position, rest[verb..]) : null;
    }

    /// <summary><c>"name" = "value"</c>: a cvar dump written into the log (CS:GO prints one after <c>log on</c>).</summary>
    private static ServerCvarEvent? CvarDump(LogLineHead head, ReadOnlySpan<char> body) =>
        TryReadQuoted(ref body, out string? name) && TrySkip(ref body, " = ") && TryReadQuoted(ref body, out string? value) ? new ServerCvarEvent(head, name, value) : null;

    private static PlayerKilledEvent? Killed(LogLineHead head, LogPlayer killer, LogVector? position, ReadOnlySpan<char> rest)
    {
        if (!TryReadPlayer(ref rest, out LogPlayer? victim))
        {
            return null;
        }

        LogVector? victimPosition = ReadBracketedPosition(ref rest);
        string weapon = TryReadWith(ref rest, out string? with) ? with : string.Empty;
        IReadOnlyList<KeyValuePair<string, string>> properties = LogProperties.Read(rest);
        return new PlayerKilledEvent(head, killer, victim, weapon)
        {
            Properties = properties,
            Headshot = LogProperties.Has(properties, "headshot") || LogProperties.Value(properties, "customkill") == "headshot",
            KillerPosition = position ?? ParseVector(LogProperties.Value(properties, "attacker_position")),
            VictimPosition = victimPosition ?? ParseVector(LogProperties.Value(properties, "victim_position")),
        };
    }

    private static PlayerKilledOtherEvent? KilledOther(LogLineHead head, LogPlayer killer, LogVector? position, ReadOnlySpan<char> rest)
    {
        if (!TryReadQuoted(ref rest, out string? target))
        {
            return null;
        }

        ReadBracketedPosition(ref rest);
        string? weapon = TryReadWith(ref rest, out string? with) ? with : null;
        return new PlayerKilledOtherEvent(head, killer, target, weapon) { Properties = LogProperties.Read(rest) };
    }

    private static PlayerKilledByBombEvent KilledByBomb(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest) =>
        new(head, player) { Position = position };

    private static PlayerAttackedEvent? Attacked(LogLineHead head, LogPlayer attacker, LogVector? position, ReadOnlySpan<char> rest)
    {
        if (!TryReadPlayer(ref rest, out LogPlayer? victim))
        {
            return null;
        }

        LogVector? victimPosition = ReadBracketedPosition(ref rest);
        string? weapon = TryReadWith(ref rest, out string? with) ? with : null;
        IReadOnlyList<KeyValuePair<string, string>> properties = LogProperties.Read(rest);
        return new PlayerAttackedEvent(head, attacker, victim, weapon, Int(LogProperties.Value(properties, "damage")))
        {
            Properties = properties,
            AttackerPosition = position,
            VictimPosition = victimPosition,
        };
    }

    private static PlayerAssistedEvent? Assisted(LogLineHead head, LogPlayer assister, ReadOnlySpan<char> rest, bool isFlash) =>
        TryReadPlayer(ref rest, out LogPlayer? victim) ? new PlayerAssistedEvent(head, assister, victim) { IsFlashAssist = isFlash, Properties = LogProperties.Read(rest) } : null;

    private static PlayerSuicideEvent? Suicide(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest) =>
        TryReadQuoted(ref rest, out string? weapon) ? new PlayerSuicideEvent(head, player, weapon) { Properties = LogProperties.Read(rest) } : null;

    /// <summary>The message may hold quotes: it runs to the last quote of the line; what follows is flags such as <c>(dead)</c>.</summary>
    private static PlayerSayEvent? Say(LogLineHead head, LogPlayer player, ReadOnlySpan<char> rest, bool teamOnly)
    {
        int last = rest.LastIndexOf('"');
        if (rest.IsEmpty || rest[0] != '"' || last < 1)
        {
            return null;
        }

        return new PlayerSayEvent(head, player, rest[1..last].ToString(), teamOnly) { Properties = LogProperties.Read(rest[(last + 1)..]) };
    }

    private static PlayerConnectedEvent Connected(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest) =>
        new(head, player, TryReadQuoted(ref rest, out string? address) ? address : string.Empty) { Properties = LogProperties.Read(rest) };

    private static PlayerDisconnectedEvent Disconnected(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        IReadOnlyList<KeyValuePair<string, string>> properties = LogProperties.Read(rest);
        return new PlayerDisconnectedEvent(head, player, LogProperties.Value(properties, "reason")) { Properties = properties };
    }

    private static PlayerTeamChangedEvent? JoinedTeam(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest) =>
        TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> team) ? new PlayerTeamChangedEvent(head, player, null, Team(team)) { Properties = LogProperties.Read(rest) } : null;

    /// <summary><c>switched from team &lt;Unassigned&gt; to &lt;CT&gt;</c>, after the first <c>&lt;</c>.</summary>
    private static PlayerTeamChangedEvent? SwitchedTeam(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        int to = rest.IndexOf("> to <");
        int end = rest.LastIndexOf('>');
        return to < 0 || end < to + 6 ? null : new PlayerTeamChangedEvent(head, player, Team(rest[..to]), Team(rest[(to + 6)..end]));
    }

    /// <summary>CS:GO and CS2's <c>picked up "weapon"</c>, TF2's <c>picked up item "medkit_small"</c>.</summary>
    private static PlayerPickedUpEvent? PickedUp(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        TrySkip(ref rest, "item ");
        return TryReadQuoted(ref rest, out string? item) ? new PlayerPickedUpEvent(head, player, item) { Properties = LogProperties.Read(rest) } : null;
    }

    /// <summary><c>threw flashbang [x y z] flashbang entindex 298)</c>.</summary>
    private static PlayerThrewEvent? Threw(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> item = ReadWord(ref rest);
        return item.IsEmpty ? null : new PlayerThrewEvent(head, player, LogStringPool.Get(item), ReadBracketedPosition(ref rest)) { Properties = LogProperties.Read(rest) };
    }

    /// <summary>CS2's <c>sv_throw_molotov x y z 0 0 0 vx vy vz …</c>: the grenade after the prefix, then numbers.</summary>
    private static GrenadeThrowEvent? GrenadeThrow(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> grenade = ReadWord(ref rest);
        if (grenade.IsEmpty)
        {
            return null;
        }

        double[] numbers = ReadNumbers(rest);
        return new GrenadeThrowEvent(head, player, LogStringPool.Get(grenade), numbers)
        {
            Position = numbers.Length >= 3 ? new LogVector(numbers[0], numbers[1], numbers[2]) : null,
            Velocity = numbers.Length >= 9 ? new LogVector(numbers[6], numbers[7], numbers[8]) : null,
        };
    }

    /// <summary><c>blinded for 3.45 by "B" from flashbang entindex 298 </c>.</summary>
    private static PlayerBlindedEvent? Blinded(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        int by = rest.IndexOf(" by ");
        if (by < 0)
        {
            return null;
        }

        double? seconds = Double(rest[..by]);
        rest = rest[(by + 4)..];
        return new PlayerBlindedEvent(head, player, seconds, TryReadPlayer(ref rest, out LogPlayer? thrower) ? thrower : null);
    }

    /// <summary><c>money change 800-200 = $600 (tracked) (purchase: weapon_hegrenade)</c>.</summary>
    private static PlayerMoneyChangedEvent? MoneyChange(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        int equals = rest.IndexOf(" = $");
        if (equals < 0)
        {
            return null;
        }

        // The sign between the two amounts: the first '+' or '-' after the first character (the amount before has no sign).
        ReadOnlySpan<char> sum = rest[..equals];
        int sign = sum.Length > 1 ? sum[1..].IndexOfAny('+', '-') + 1 : 0;
        int? before = sign > 0 ? Int(sum[..sign]) : null;
        int? change = sign > 0 ? Int(sum[sign..]) : null;
        rest = rest[(equals + 4)..];
        int? after = Int(ReadWord(ref rest));
        return new PlayerMoneyChangedEvent(head, player, before, change, after) { Properties = LogProperties.Read(rest) };
    }

    /// <summary>Match plugins' <c>"A" has 10400$</c>.</summary>
    private static PlayerMoneyChangedEvent? MoneyBalance(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest) =>
        rest.Length > 1 && rest[^1] == '$' && Int(rest[..^1]) is int money ? new PlayerMoneyChangedEvent(head, player, null, null, money) : null;

    /// <summary><c>left buyzone with [ weapon_knife weapon_glock kevlar(100) ]</c>, after the bracket.</summary>
    private static PlayerLeftBuyZoneEvent LeftBuyZone(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        int close = rest.IndexOf(']');
        ReadOnlySpan<char> list = close < 0 ? rest : rest[..close];
        var items = new List<string>();
        while (!(list = list.TrimStart(' ')).IsEmpty)
        {
            items.Add(LogStringPool.Get(ReadWord(ref list)));
        }

        return new PlayerLeftBuyZoneEvent(head, player, items);
    }

    /// <summary><c>triggered "action"</c>, optionally <c>against "B" [x y z]</c>, then properties; TF2's damage, healing and assists get their own events.</summary>
    private static LogEvent? Triggered(LogLineHead head, LogPlayer player, LogVector? position, ReadOnlySpan<char> rest)
    {
        if (!TryReadQuoted(ref rest, out string? action))
        {
            return null;
        }

        LogPlayer? target = null;
        if (TrySkip(ref rest, " against "))
        {
            if (!TryReadPlayer(ref rest, out target))
            {
                return null;
            }

            ReadBracketedPosition(ref rest);
        }

        IReadOnlyList<KeyValuePair<string, string>> properties = LogProperties.Read(rest);
        return action switch
        {
            "damage" => new PlayerAttackedEvent(head, player, target, LogProperties.Value(properties, "weapon"), Int(LogProperties.Value(properties, "damage"))) { Properties = properties, AttackerPosition = position },
            "healed" => new PlayerHealedEvent(head, player, target, Int(LogProperties.Value(properties, "healing"))) { Properties = properties },
            "kill assist" => new PlayerAssistedEvent(head, player, target) { Properties = properties },
            _ => new PlayerTriggeredEvent(head, player, action, target) { Properties = properties },
        };
    }
}
