// QuickStart: typed calls generated from a schema, and the raw fallback. With RCON_ADDRESS (host:port) and
// RCON_PASSWORD set it talks to your server; otherwise to the embedded emulated srcds server on 127.0.0.1.
using QuickStart;
using RconTyped;
using RconTyped.Testing;

string? address = Environment.GetEnvironmentVariable("RCON_ADDRESS");
await using EmulatedServer? emulated = address is null ? EmulatedServer.Start() : null;

string password = emulated?.Password
    ?? Environment.GetEnvironmentVariable("RCON_PASSWORD")
    ?? throw new InvalidOperationException("RCON_ADDRESS is set, so set RCON_PASSWORD too.");

await using RconClient client = emulated is not null ? new RconClient(emulated.EndPoint) : ClientFor(address!);
Console.WriteLine($"Connecting to {client.EndPoint}{(emulated is null ? string.Empty : " (embedded emulated server)")} …");
await client.ConnectAsync();
await client.AuthenticateAsync(password);
Console.WriteLine($"Authenticated; dialect: {client.Dialect}");

var server = new SourceServer(client);

// Typed cvars: read, set, read back. The types, bounds and help come from the schema.
Console.WriteLine($"maxplayers = {await server.Maxplayers.GetAsync()} (range {server.Maxplayers.Min} to {server.Maxplayers.Max})");
await server.Maxplayers.SetAsync(16);                     // sends "maxplayers 16"
Console.WriteLine($"maxplayers = {await server.Maxplayers.GetAsync()}");
await server.SvCheats.SetAsync(true);                     // sends "sv_cheats 1"
Console.WriteLine($"sv_cheats  = {await server.SvCheats.GetAsync()}");
await server.SvGravity.SetAsync(600);
Console.WriteLine($"sv_gravity = {await server.SvGravity.GetAsync()} — {server.SvGravity.Description}");
await server.Hostname.SetAsync("RconTyped; QuickStart"); // quoted: the ';' cannot start a second command
Console.WriteLine($"hostname   = {await server.Hostname.GetAsync()}");

// A typed command with arguments.
Console.Write(await server.SayAsync("Hello from RconTyped"));
await server.ChangelevelAsync("de_nuke");

// Several commands pipelined on one connection, and the raw fallback for anything at all (here, two commands in one line).
string[] answers = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => server.EchoAsync($"pipelined {i}")));
Console.Write(string.Concat(answers));
Console.Write(await server.ExecuteAsync("echo one; echo two (raw fallback)"));

// Typed answers: the player list of any game (its dialect picks the command), and an answer the schema declares.
ServerStatus status = await server.GetStatusAsync();
Console.WriteLine($"{status.Format} status: map {status.Map}, {status.HumanCount} humans, {status.BotCount} bots");
foreach (PlayerInfo player in status.Players)
{
    Console.WriteLine($"  #{player.UserId} {player.Name}{(player.IsBot ? " (bot)" : $" {player.SteamId?.ToSteam2()} {player.Ping} ms")}");
}

SourceServer.UsersAnswer users = await server.UsersAsync();
Console.WriteLine($"users: {string.Join(", ", users.Rows.Select(row => $"{row.Name} (slot {row.Slot})"))}");

static RconClient ClientFor(string hostAndPort)
{
    int colon = hostAndPort.LastIndexOf(':');
    return colon < 0 ? new RconClient(hostAndPort) : new RconClient(hostAndPort[..colon], int.Parse(hostAndPort[(colon + 1)..]));
}
