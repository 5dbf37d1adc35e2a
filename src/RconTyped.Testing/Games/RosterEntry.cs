using System.Net;

namespace RconTyped.Testing.Games;

/// <summary>A player on the server's roster: the slot and user id the server gave it.</summary>
internal sealed record RosterEntry(int Slot, int UserId, EmulatedPlayer Player)
{
    /// <summary>The address printed for the player: its own, or 127.0.0.(slot + 2):27005 for humans; null for bots.</summary>
    public IPEndPoint? Address => Player.IsBot ? null : Player.Address ?? new IPEndPoint(new IPAddress([127, 0, 0, (byte)(2 + (Slot % 250))]), 27005);

    /// <summary>The platform id printed for the player: its own, or one derived from the user id.</summary>
    public string PlatformId => Player.PlatformId ?? $"0002{UserId:x28}";
}
