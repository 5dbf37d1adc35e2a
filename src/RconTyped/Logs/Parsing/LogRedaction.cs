using System.Text;

namespace RconTyped.Logs.Parsing;

/// <summary>
/// RCON lines in a log can carry passwords: <c>rcon from "…": command "rcon_password x"</c>, or the password a client got
/// wrong in GoldSrc's <c>Bad Rcon: "rcon 123 "guess" status" from "…"</c>. They are replaced by <c>***</c> before the line
/// becomes an event, in <see cref="LogEvent.Raw"/> too, so no password reaches a log sink through us.
/// </summary>
internal static class LogRedaction
{
    public const string Mask = "***";

    /// <summary><c>1.2.3.4:5": command "status"</c> (or <c>…": Bad Password</c>), after <c>rcon from "</c>.</summary>
    public static RconCommandEvent? RconCommand(LogLineHead head, ReadOnlySpan<char> rest)
    {
        int close = rest.IndexOf("\": ");
        if (close < 0)
        {
            return null;
        }

        string address = rest[..close].ToString();
        rest = rest[(close + 3)..];
        const string Command = "command \"";
        if (!rest.StartsWith(Command, StringComparison.Ordinal) || rest.Length == Command.Length || rest[^1] != '"')
        {
            // "rcon from "a": Bad Password" and the like: nothing secret in them.
            return new RconCommandEvent(head, address, rest.ToString(), rest.Contains("Bad", StringComparison.Ordinal));
        }

        string command = rest[Command.Length..^1].ToString();
        string redacted = RedactCommand(command);
        return new RconCommandEvent(head with { Raw = Replace(head.Raw, command, redacted) }, address, redacted, isRejected: false);
    }

    /// <summary><c>"rcon 1234567 "guess" status" from "1.2.3.4:27005"</c>, after <c>Bad Rcon: </c>.</summary>
    public static RconCommandEvent BadRcon(LogLineHead head, ReadOnlySpan<char> rest)
    {
        int from = rest.LastIndexOf(" from \"");
        string address = from < 0 ? string.Empty : rest[(from + 7)..].TrimEnd('"').ToString();
        string attempt = (from < 0 ? rest : rest[..from]).ToString();
        string redacted = RedactQuotedPassword(attempt);
        return new RconCommandEvent(head with { Raw = Replace(head.Raw, attempt, redacted) }, address, redacted, isRejected: true);
    }

    /// <summary>Every statement whose command word names a password keeps its word and loses its value.</summary>
    internal static string RedactCommand(string command)
    {
        if (!command.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return command;
        }

        var result = new StringBuilder(command.Length);
        foreach (string statement in command.Split(';'))
        {
            if (result.Length > 0)
            {
                result.Append(';');
            }

            string trimmed = statement.TrimStart();
            int space = trimmed.IndexOfAny([' ', '\t']);
            string word = space < 0 ? trimmed : trimmed[..space];
            bool secret = word.Contains("password", StringComparison.OrdinalIgnoreCase) && space >= 0 && trimmed[space..].Trim().Length > 0;
            result.Append(secret ? statement[..(statement.Length - trimmed.Length)] + word + " " + Mask : statement);
        }

        return result.ToString();
    }

    /// <summary>GoldSrc's <c>rcon CHALLENGE "password" command</c>: the first quoted part is the password.</summary>
    private static string RedactQuotedPassword(string attempt)
    {
        int open = attempt.IndexOf('"', attempt.StartsWith('"') ? 1 : 0);
        int close = open < 0 ? -1 : attempt.IndexOf('"', open + 1);
        return close < 0 ? RedactCommand(attempt) : attempt[..(open + 1)] + Mask + attempt[close..];
    }

    private static string Replace(string raw, string secret, string redacted) =>
        ReferenceEquals(secret, redacted) || secret == redacted || secret.Length == 0 ? raw : raw.Replace(secret, redacted, StringComparison.Ordinal);
}
