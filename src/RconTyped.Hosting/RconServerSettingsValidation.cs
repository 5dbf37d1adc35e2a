using Microsoft.Extensions.Options;

namespace RconTyped.Hosting;

/// <summary>
/// Checks each named server's settings (address, dialect, password source, timeouts) when they are first read, and at
/// the host's start (<c>ValidateOnStart</c>): a mistake stops the host with a message naming the server and the setting.
/// </summary>
internal sealed class RconServerSettingsValidation(RconServerNames names) : IValidateOptions<RconServerSettings>
{
    public ValidateOptionsResult Validate(string? name, RconServerSettings options)
    {
        if (name is null || !names.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        string[] problems = [.. options.FindProblems(Environment.GetEnvironmentVariable).Select(problem => $"RCON server '{name}' (Rcon:Servers:{name}): {problem}")];
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
