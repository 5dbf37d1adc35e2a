namespace RconTyped.Cli;

/// <summary>The --json output of --execute (property names in camelCase).</summary>
internal sealed record ExecuteResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("server")] string Server,
    [property: System.Text.Json.Serialization.JsonPropertyName("command")] string Command,
    [property: System.Text.Json.Serialization.JsonPropertyName("response")] string Response,
    [property: System.Text.Json.Serialization.JsonPropertyName("truncated")] bool Truncated = false);
