using System.Text.Json.Serialization;

namespace RconTyped.Cli;

/// <summary>The --json output of one --execute command (property names in camelCase): its answer, or why it failed.</summary>
internal sealed record ExecuteResult(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("response"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Response,
    [property: JsonPropertyName("truncated")] bool Truncated = false,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);
