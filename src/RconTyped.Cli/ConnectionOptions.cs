using System.CommandLine;

namespace RconTyped.Cli;

/// <summary>The options every connecting command shares: password, timeout, encoding, dialect.</summary>
internal sealed class ConnectionOptions
{
    private ConnectionOptions(Option<string?> password, Option<double> timeout, Option<string> encoding, Option<string> dialect, Option<string?> config)
    {
        Config = config;
        Password = password;
        Timeout = timeout;
        Encoding = encoding;
        Dialect = dialect;
    }

    public Option<string?> Password { get; }

    public Option<double> Timeout { get; }

    public Option<string> Encoding { get; }

    public Option<string> Dialect { get; }

    public Option<string?> Config { get; }

    public static ConnectionOptions Create()
    {
        var password = new Option<string?>("--password", "-p")
        {
            Description = $"The RCON password. Visible to other users of this machine: prefer the {CliConnector.PasswordVariable} environment variable or the prompt.",
        };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = "Seconds to wait for the connection and for each answer.",
            DefaultValueFactory = _ => 10,
        };
        timeout.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!(value > 0) || double.IsInfinity(value))
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
        var encoding = new Option<string>("--encoding")
        {
            Description = "The server's text encoding: utf-8 (default), latin1, ascii, or another .NET encoding name.",
            DefaultValueFactory = _ => "utf-8",
        };
        var dialect = new Option<string>("--dialect")
        {
            Description = $"The server's dialect: {string.Join(", ", RconDialect.Known.Select(d => d.Id))} (default auto: decided at authentication).",
            DefaultValueFactory = _ => RconDialect.Auto.Id,
        };
        dialect.AcceptOnlyFromAmong([.. RconDialect.Known.Select(d => d.Id)]);
        var config = new Option<string?>("--config")
        {
            Description = $"The named-servers file for @NAME addresses (default: {NamedServers.ConfigVariable}, else servers.json in the platform's config folder).",
        };
        return new ConnectionOptions(password, timeout, encoding, dialect, config);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Password);
        command.Options.Add(Timeout);
        command.Options.Add(Encoding);
        command.Options.Add(Dialect);
        command.Options.Add(Config);
    }

    public ConnectionRequest Read(ParseResult result, string address) => new(
        address,
        result.GetValue(Password),
        result.GetValue(Timeout),
        result.GetValue(Encoding)!,
        result.GetValue(Dialect)!,
        result.GetValue(Config));
}
