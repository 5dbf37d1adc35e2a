using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RconTyped;

/// <summary>
/// A Steam account id as servers print it: <c>STEAM_0:1:123</c> / <c>STEAM_1:1:123</c> (Steam2), <c>[U:1:247]</c>,
/// <c>[A:1:123:4567]</c>, <c>[G:1:123]</c> (Steam3) or the 17-digit 64-bit id. Equal when the 64-bit ids are.
/// </summary>
public readonly struct SteamId : IEquatable<SteamId>
{
    private const int Individual = 1;
    private const int GameServer = 3;
    private const int AnonGameServer = 4;
    private const int PublicUniverse = 1;

    /// <summary>Creates an id from its 64-bit form.</summary>
    public SteamId(ulong id64) => Id64 = id64;

    /// <summary>The 64-bit id (for a player, 76561197960265728 plus the account id).</summary>
    public ulong Id64 { get; }

    /// <summary>The account number (the low 32 bits).</summary>
    public uint AccountId => (uint)(Id64 & 0xFFFFFFFF);

    /// <summary>The universe (1 for the public one).</summary>
    public int Universe => (int)(Id64 >> 56);

    /// <summary>The account type (1 a person, 3 a game server, 4 an anonymous game server …).</summary>
    public int AccountType => (int)((Id64 >> 52) & 0xF);

    /// <summary>The instance (1 for a person's desktop instance).</summary>
    public uint Instance => (uint)((Id64 >> 32) & 0xFFFFF);

    /// <summary>Parses any of the printed forms.</summary>
    /// <exception cref="FormatException">The text is not a Steam id.</exception>
    public static SteamId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out SteamId id) ? id : throw new FormatException($"'{text}' is not a Steam id (STEAM_X:Y:Z, [U:1:Z], [A:1:Z:I], [G:1:Z] or a 17-digit id).");
    }

    /// <summary>Parses any of the printed forms; false (and no exception) for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SteamId id) => TryParse(text.AsSpan(), out id);

    /// <inheritdoc cref="TryParse(string?, out SteamId)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out SteamId id)
    {
        id = default;
        text = text.Trim();
        if (text.StartsWith("STEAM_", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSteam2(text["STEAM_".Length..], out id);
        }

        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            return TryParseSteam3(text[1..^1], out id);
        }

        if (text.Length == 17 && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong id64))
        {
            var candidate = new SteamId(id64);
            if (candidate.Universe is >= 1 and <= 4 && candidate.AccountType is >= 1 and <= 10)
            {
                id = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The Steam2 form, <c>STEAM_1:Y:Z</c> for the public universe, as CS:GO and later print it (older engines print
    /// <c>STEAM_0</c> for the same account).
    /// </summary>
    public string ToSteam2() => string.Create(CultureInfo.InvariantCulture, $"STEAM_{Universe}:{AccountId & 1}:{AccountId >> 1}");

    /// <summary>The Steam3 form: <c>[U:1:Z]</c> for a person, <c>[G:1:Z]</c>, <c>[A:1:Z:I]</c> for game servers.</summary>
    public string ToSteam3() => AccountType == AnonGameServer
        ? string.Create(CultureInfo.InvariantCulture, $"[A:{Universe}:{AccountId}:{Instance}]")
        : string.Create(CultureInfo.InvariantCulture, $"[{TypeLetter(AccountType)}:{Universe}:{AccountId}]");

    /// <summary>The Steam3 form.</summary>
    public override string ToString() => ToSteam3();

    /// <inheritdoc />
    public bool Equals(SteamId other) => Id64 == other.Id64;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SteamId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Id64.GetHashCode();

    /// <summary>Whether two ids are the same account.</summary>
    public static bool operator ==(SteamId left, SteamId right) => left.Equals(right);

    /// <summary>Whether two ids are different accounts.</summary>
    public static bool operator !=(SteamId left, SteamId right) => !left.Equals(right);

    private static SteamId Create(int universe, int type, uint instance, uint account) =>
        new(((ulong)universe << 56) | ((ulong)type << 52) | ((ulong)instance << 32) | account);

    /// <summary><c>X:Y:Z</c>: account Z*2+Y; X is 0 in older engines and 1 in newer ones for the same public account.</summary>
    private static bool TryParseSteam2(ReadOnlySpan<char> text, out SteamId id)
    {
        id = default;
        if (!TryReadNumber(ref text, out uint universe) || universe > 5 || !TrySkipColon(ref text)
            || !TryReadNumber(ref text, out uint low) || low > 1 || !TrySkipColon(ref text)
            || !TryReadNumber(ref text, out uint high) || high > int.MaxValue || !text.IsEmpty)
        {
            return false;
        }

        id = Create(universe == 0 ? PublicUniverse : (int)universe, Individual, 1, (high * 2) + low);
        return true;
    }

    /// <summary><c>L:U:Z</c> or <c>L:U:Z:I</c> with L one of U, G, A (and the other Steam3 letters).</summary>
    private static bool TryParseSteam3(ReadOnlySpan<char> text, out SteamId id)
    {
        id = default;
        if (text.Length < 2 || TypeOf(text[0]) is not int type)
        {
            return false;
        }

        text = text[1..];
        if (!TrySkipColon(ref text) || !TryReadNumber(ref text, out uint universe) || universe > 5
            || !TrySkipColon(ref text) || !TryReadNumber(ref text, out uint account))
        {
            return false;
        }

        uint instance = type == Individual ? 1u : 0u;
        if (!text.IsEmpty && (!TrySkipColon(ref text) || !TryReadNumber(ref text, out instance) || instance > 0xFFFFF || !text.IsEmpty))
        {
            return false;
        }

        id = Create((int)universe, type, instance, account);
        return true;
    }

    /// <summary>One or more ASCII digits at the start of the text, as an unsigned 32-bit number (no sign, no spaces): read by hand, as log lines carry an id or two each.</summary>
    private static bool TryReadNumber(ref ReadOnlySpan<char> text, out uint value)
    {
        ulong number = 0;
        int length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            number = (number * 10) + (uint)(text[length] - '0');
            if (number > uint.MaxValue)
            {
                value = 0;
                return false;
            }

            length++;
        }

        value = (uint)number;
        text = text[length..];
        return length > 0;
    }

    private static bool TrySkipColon(ref ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] != ':')
        {
            return false;
        }

        text = text[1..];
        return true;
    }

    private static int? TypeOf(char letter) => letter switch
    {
        'U' => Individual,
        'M' => 2,
        'G' => GameServer,
        'A' => AnonGameServer,
        'P' => 5,
        'C' => 6,
        'g' => 7,
        'T' or 'L' or 'c' => 8,
        'a' => 10,
        _ => null,
    };

    private static char TypeLetter(int type) => type switch
    {
        Individual => 'U',
        2 => 'M',
        GameServer => 'G',
        AnonGameServer => 'A',
        5 => 'P',
        6 => 'C',
        7 => 'g',
        8 => 'T',
        10 => 'a',
        _ => 'I',
    };
}
