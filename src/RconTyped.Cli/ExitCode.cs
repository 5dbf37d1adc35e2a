namespace RconTyped.Cli;

/// <summary>The tool's exit codes, documented in the README.</summary>
internal static class ExitCode
{
    /// <summary>The command ran and its answer was printed.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown option, bad address, no password available).</summary>
    public const int Usage = 1;

    /// <summary>The server could not be reached, or the connection was lost or broke the protocol.</summary>
    public const int ConnectionFailure = 2;

    /// <summary>Authentication failed: wrong password, or the server closed the connection (probably a ban).</summary>
    public const int AuthenticationFailure = 3;

    /// <summary>No answer in time.</summary>
    public const int Timeout = 4;

    /// <summary>The answer arrived but could not be decoded in the chosen encoding.</summary>
    public const int EncodingFailure = 5;
}
