using RconTyped.Cli;

return await CliApplication.RunAsync(args, CliConsole.System);
