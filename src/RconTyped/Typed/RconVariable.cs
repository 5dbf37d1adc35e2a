namespace RconTyped;

/// <summary>A console variable of a server, typed. Generated for each cvar of a schema or dump.</summary>
/// <typeparam name="T">The value's C# type.</typeparam>
public sealed class RconVariable<T>
{
    private readonly RconServer _server;
    private readonly RconValueConverter<T> _converter;

    /// <summary>Creates a variable bound to a server. Generated code calls this.</summary>
    public RconVariable(RconServer server, string name, RconValueConverter<T> converter, string? defaultValue = null, double? min = null, double? max = null, IReadOnlyList<string>? flags = null, string description = "")
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(converter);
        _server = server;
        _converter = converter;
        Name = name;
        Default = defaultValue;
        Min = min;
        Max = max;
        Flags = flags ?? [];
        Description = description ?? string.Empty;
    }

    /// <summary>The console name.</summary>
    public string Name { get; }

    /// <summary>The default value as console text, when the schema knows it.</summary>
    public string? Default { get; }

    /// <summary>The lower bound, when known. The server clamps values below it.</summary>
    public double? Min { get; }

    /// <summary>The upper bound, when known. The server clamps values above it.</summary>
    public double? Max { get; }

    /// <summary>The flags, in the short form <c>cvarlist</c> prints.</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>The help text.</summary>
    public string Description { get; }

    /// <summary>Reads the value: sends the bare name and parses the <c>"name" = "value"</c> (or <c>name = value</c>) answer.</summary>
    /// <exception cref="RconUnexpectedAnswerException">The server does not know the cvar, or its value is not a <typeparamref name="T"/>.</exception>
    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        string reply = await _server.ExecuteAsync(Name, cancellationToken).ConfigureAwait(false);
        string text = ReadValue(reply, out _);
        try
        {
            return _converter.Parse(text);
        }
        catch (FormatException e)
        {
            throw new RconUnexpectedAnswerException($"The server says {Name} is \"{text}\", which is not a {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Sets the value: sends <c>name value</c> (numbers in the invariant culture, text quoted). The server clamps it to its bounds.</summary>
    /// <exception cref="ArgumentException">A text value contains a double quote or a line break, which no console command can carry.</exception>
    public async Task SetAsync(T value, CancellationToken cancellationToken = default)
    {
        string argument = _converter.Format(value);
        await _server.ExecuteAsync($"{Name} {argument}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the default value: the schema's, or else the one the server reports in its answer (<c>( def. "x" )</c>,
    /// shown only when the value differs from it, so no default shown means nothing to reset).
    /// </summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        string? target = Default;
        if (target is null)
        {
            string reply = await _server.ExecuteAsync(Name, cancellationToken).ConfigureAwait(false);
            ReadValue(reply, out target);
            if (target is null)
            {
                return;
            }
        }

        await _server.ExecuteAsync($"{Name} {RconValueFormat.QuoteArgument(target)}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name and type, for logs.</summary>
    public override string ToString() => $"{Name} ({typeof(T).Name})";

    private string ReadValue(string reply, out string? defaultValue)
    {
        if (RconValueFormat.TryParseValueReply(Name, reply, out string text, out defaultValue))
        {
            return text;
        }

        string firstLine = reply.Split('\n')[0].Trim();
        throw new RconUnexpectedAnswerException(firstLine.StartsWith("Unknown command", StringComparison.Ordinal)
            ? $"The server does not know the cvar {Name} ({firstLine}). Regenerate the typed API from this server's cvarlist."
            : $"The answer to {Name} does not show its value: \"{(firstLine.Length > 120 ? firstLine[..120] + "…" : firstLine)}\".");
    }
}
