using System.Text.Json.Serialization;

namespace RconTyped.Cli;

/// <summary>The camel-case outputs (diff, fleet rows), by the source generator. Null properties are left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SchemaDifference))]
[JsonSerializable(typeof(FleetRow))]
internal sealed partial class CliJsonCamelCase : JsonSerializerContext
{
}
