// QuickStart: connect, authenticate, run commands. With RCON_ADDRESS and RCON_PASSWORD set it talks to
// your server; otherwise it starts the embedded emulated srcds server on 127.0.0.1 and talks to that.
using RconTyped;
using RconTyped.Testing;

string? address = Environment.GetEnvironmentVariable("RCON_ADDRESS");
await using EmulatedSourceServer? emulated = address is null ? EmulatedSourceServer.Start() : null;

string password = emulated?.Password
    ?? Environment.GetEnvironmentVariable("RCON_PASSWORD")
    ?? throw new InvalidOperationException("RCON_ADDRESS is set, so set RCON_PASSWORD too.");

await using RconClient client = emulated is not null
    ? new RconClient(emulated.EndPoint)
    : new RconClient(address!.Split(':')[0], address.Contains(':') ? int.Parse(address.Split(':')[1]) : 27015);

Console.WriteLine($"Connecting to {client.EndPoint}{(emulated is null ? string.Empty : " (embedded emulated server)")} …");
await client.ConnectAsync();
await client.AuthenticateAsync(password);
Console.WriteLine($"Authenticated; dialect: {client.Dialect}");

// A cvar: read it, set it, read it back.
Console.Write(await client.ExecuteAsync("sv_gravity"));
await client.ExecuteAsync("sv_gravity 600");
Console.Write(await client.ExecuteAsync("sv_gravity"));

// A command with arguments, and several commands pipelined on one connection.
Console.Write(await client.ExecuteAsync("echo Hello from RconTyped"));
string[] answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => client.ExecuteAsync($"echo pipelined {i}")));
Console.Write(string.Concat(answers));

// The whole cvarlist, parsed.
int count = 0;
await foreach (ConVar variable in client.GetConVarsAsync())
{
    count++;
}

Console.WriteLine($"cvarlist: {count} entries");
Console.Write(await client.ExecuteAsync("status"));
