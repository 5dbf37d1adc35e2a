using System.Globalization;
using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>CS2: the Source 2 <c>status</c> layout (spawn groups, the <c>---------players--------</c> table), the rest as Source 1.</summary>
internal sealed class Cs2Game : SourceGame
{
    /// <summary>CS2 answers a bare cvar name with <c>name = value</c>.</summary>
    public override string? DescribeVariable(ConsoleVariable variable) => $"{variable.Name} = {variable.Value}\n";

    protected override string Status(ServerConsole console)
    {
        IReadOnlyList<RosterEntry> roster = console.Roster;
        int bots = roster.Count(e => e.Player.IsBot);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"hostname :  {console.Hostname}\n")
            .Append("version  : 1.40.5.5/14055 10108 secure  public\n")
            .Append("steamid  : [G:1:1234567] (85568392921274567)\n")
            .Append("udp/ip   : 127.0.0.1:27015\n")
            .Append("os/type  : Linux dedicated\n")
            .Append(CultureInfo.InvariantCulture, $"players  : {roster.Count - bots} humans, {bots} bots ({console.MaxPlayers} max) (not hibernating) (unreserved)\n")
            .Append("---------spawngroups----\n")
            .Append(CultureInfo.InvariantCulture, $"loaded spawngroup(  1)  : SV:  [1: {console.Map} | main lump | mapload]\n")
            .Append("---------players--------\n")
            .Append("  id     time ping loss      state   rate adr name\n");
        foreach (RosterEntry entry in roster)
        {
            string time = entry.Player.IsBot ? "BOT" : Duration(entry.Player.Connected);
            string address = entry.Player.IsBot ? string.Empty : $" {entry.Address}";
            text.Append(CultureInfo.InvariantCulture,
                $"{entry.UserId,4} {time,8} {entry.Player.Ping,4} {0,4} {"active",10} {(entry.Player.IsBot ? 0 : 786432),6}{address} '{entry.Player.Name}'\n");
        }

        return text.Append("65535 [NoChan]        0    0 challenging      0unknown ''\n#end\n").ToString();
    }
}
