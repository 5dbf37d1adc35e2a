using Consumer;
using RconTyped;

// The typed answer the generator in the package made from scoreboard.rcon.json: a record per row, typed fields.
ModServer.ScoresAnswer scores = ModServer.ScoresAnswer.Parse("Round 3 of 12\nAlyx Vance [U:1:29162964] 14\nnot a row\n");
ModServer.ScoresAnswer.Row expected = new("Alyx Vance", SteamId.Parse("[U:1:29162964]"), 14);
bool ok = scores.Round == 3 && scores.Rounds == 12 && scores.Rows.Count == 1 && scores.Rows[0] == expected
    && scores.UnparsedLines.Count == 1 && scores.UnparsedLines[0] == "not a row";

// The method that sends the command returns the typed answer.
Func<ModServer, Task<ModServer.ScoresAnswer>> call = server => server.ScoresAsync();
ok &= call is not null;

Console.WriteLine(ok ? $"ok: round {scores.Round} of {scores.Rounds}, {scores.Rows[0]}" : "FAILED: " + string.Join(" | ", scores.Rows) + " / " + string.Join(" | ", scores.UnparsedLines));
return ok ? 0 : 1;
