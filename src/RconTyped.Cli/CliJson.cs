using System.Text.Json.Serialization;

namespace RconTyped.Cli;

/// <summary>
/// The tool's JSON outputs with property names as declared, serialized by System.Text.Json's source generator: no
/// reflection, so they work in the Native AOT build. <see cref="CliJsonCamelCase"/> has the camel-case ones.
/// </summary>
[JsonSerializable(typeof(CaptureSummary))]
[JsonSerializable(typeof(ExecuteResult))]
internal sealed partial class CliJson : JsonSerializerContext
{
}
