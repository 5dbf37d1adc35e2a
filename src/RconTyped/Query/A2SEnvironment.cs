namespace RconTyped.Query;

/// <summary>The server's operating system (INFO's environment byte: <c>l</c>, <c>w</c>, <c>m</c> or <c>o</c>).</summary>
public enum A2SEnvironment
{
    /// <summary>A byte this library does not know; <see cref="ServerInfo.EnvironmentCode"/> has it.</summary>
    Unknown,

    /// <summary>Linux.</summary>
    Linux,

    /// <summary>Windows.</summary>
    Windows,

    /// <summary>macOS (<c>m</c>, and <c>o</c> from older servers).</summary>
    Mac,
}
