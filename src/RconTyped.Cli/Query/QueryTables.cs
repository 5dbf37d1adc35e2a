using System.Globalization;
using RconTyped.Query;
using Spectre.Console;

namespace RconTyped.Cli;

/// <summary><c>rcon-typed query</c> on a terminal: a table for the server, one for its players and one for its rules.</summary>
internal static class QueryTables
{
    public static void Write(CliConsole console, string name, ServerInfo info, IReadOnlyList<QueryPlayer>? players, ServerRules? rules)
    {
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            ColorSystem = console.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Ansi = console.UseColor ? AnsiSupport.Detect : AnsiSupport.No,
        });

        var summary = new Table { Title = new TableTitle(Markup.Escape(info.Name.Length > 0 ? info.Name : name)) }
            .AddColumns("", "").HideHeaders();
        summary.AddRow("server", Markup.Escape(name));
        summary.AddRow("map", Markup.Escape(info.Map));
        summary.AddRow("players", string.Create(CultureInfo.InvariantCulture, $"{info.Players}/{info.MaxPlayers} ({info.Bots} bots)"));
        summary.AddRow("game", Markup.Escape($"{info.Game} ({info.Folder})"));
        summary.AddRow("type", Markup.Escape($"{info.ServerType}, {info.Environment}{(info.HasPassword ? ", password" : "")}{(info.IsVacSecured ? ", VAC" : "")}"));
        if (info.Version is not null)
        {
            summary.AddRow("version", Markup.Escape(info.Version));
        }

        if (info.Keywords is not null)
        {
            summary.AddRow("tags", Markup.Escape(info.Keywords));
        }

        terminal.Write(summary);
        if (players is not null)
        {
            var table = new Table().AddColumn("player").AddColumn(new TableColumn("score").RightAligned()).AddColumn(new TableColumn("time").RightAligned());
            foreach (QueryPlayer player in players)
            {
                table.AddRow(Markup.Escape(player.Name), player.Score.ToString(CultureInfo.InvariantCulture), player.Duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
            }

            terminal.Write(table);
        }

        if (rules is not null)
        {
            var table = new Table().AddColumn("rule").AddColumn("value");
            foreach ((string key, string value) in rules.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            terminal.Write(table);
        }
    }
}
