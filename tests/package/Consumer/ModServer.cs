using RconTyped;

namespace Consumer;

[RconSchema("scoreboard.rcon.json")]
public partial class ModServer : RconServer
{
}
