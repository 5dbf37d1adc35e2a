using RconTyped.Cli;

return await CliApplication.RunAsync(args, CliConsole.System);

/// <summary>The tool's entry point stays internal: ASP.NET Core's generator makes a top-level <c>Program</c> public unless it is declared.</summary>
internal sealed partial class Program;
