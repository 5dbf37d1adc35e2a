using System.Globalization;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Games;

/// <summary>
/// Squad: <c>ListPlayers</c> in the layout since the EOS update (<c>Online IDs: EOS: … steam: …</c>), <c>AdminKick</c>,
/// <c>AdminBroadcast</c>, and a type-1 chat packet before every answer. No bots.
/// </summary>
internal sealed class SquadGame : GameBehaviour
{
    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("ListPlayers", _ => ListPlayers(console), "Lists the players.");
        console.AddCommand("AdminKick", args => Kick(console, args), "Kicks a player by name or id.");
        console.AddCommand("AdminBroadcast", args => $"Message broadcasted: {string.Join(' ', args)}\n", "Sends a message to all players.");
    }

    /// <summary>Squad confirms a mirrored empty packet twice before the trailer.</summary>
    protected override int MirrorConfirmations => 2;

    public override OutgoingPacket? PacketBeforeAnswer(Encoding encoding) =>
        new OutgoingPacket(0, new RconPacketType(1), encoding.GetBytes("[ChatAll] [Online IDs: EOS: 0] Player : gg"));

    private static string ListPlayers(ServerConsole console)
    {
        var text = new StringBuilder("----- Active Players -----\n");
        foreach (RosterEntry entry in console.Roster.Where(e => !e.Player.IsBot))
        {
            string steam = entry.Player.SteamId?.Id64.ToString(CultureInfo.InvariantCulture) ?? "00000000000000000";
            text.Append(CultureInfo.InvariantCulture,
                $"ID: {entry.UserId} | Online IDs: EOS: {entry.PlatformId} steam: {steam} | Name: {entry.Player.Name} | Team ID: {entry.Player.Team} | Squad ID: N/A | Is Leader: False | Role: USA_Rifleman_01\n");
        }

        return text.Append("----- Recently Disconnected Players [Max of 15] -----\n").ToString();
    }

    private static string Kick(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "AdminKick <NameOrId> <KickReason>\n";
        }

        string who = args[0];
        RosterEntry? entry = console.Roster.FirstOrDefault(e => !e.Player.IsBot &&
            (e.Player.Name == who || e.UserId.ToString(CultureInfo.InvariantCulture) == who || e.Player.SteamId?.Id64.ToString(CultureInfo.InvariantCulture) == who));
        return entry is not null && console.RemovePlayer(e => e == entry)
            ? $"Kicked player {entry.UserId}. [Online IDs= EOS: {entry.PlatformId}] {entry.Player.Name}\n"
            : $"Could not find player {who}\n";
    }
}
