using System.CommandLine;

namespace RconTyped.Cli.Shell;

/// <summary><c>rcon-typed record HOST[:PORT] --out FILE</c>: the shell, with every command and answer recorded for replay.</summary>
internal static class RecordCommand
{
    public static Command Create(CliConsole console, ConnectionOptions connection)
    {
        var address = new Argument<string>("address") { Description = "The server, as HOST or HOST:PORT." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The recording to write (MessagePack).", Required = true };
        var command = new Command("record", "Open the shell and record every command and answer, with timings, for 'serve --replay'.") { address, output };
        connection.AddTo(command);
        command.SetAction(async (result, token) =>
        {
            string server = result.GetValue(address)!;
            var recorder = new SessionRecorder(server, result.GetValue(output)!);
            var shell = new ShellSession(console, connection.Read(result, server), ShellStore.ForPlatform(console.GetEnvironmentVariable), recorder);
            return await shell.RunAsync(server, token).ConfigureAwait(false);
        });
        return command;
    }
}
