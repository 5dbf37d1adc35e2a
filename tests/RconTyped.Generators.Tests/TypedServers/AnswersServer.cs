namespace RconTyped.Generators.Tests.TypedServers;

/// <summary>Answers declared in a schema: a mod's scoreboard and SourceMod's <c>sm plugins list</c>.</summary>
[RconSchema("answers.rcon.json")]
public partial class AnswersServer : RconServer
{
}
