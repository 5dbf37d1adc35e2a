namespace RconTyped.Schema;

/// <summary>
/// What a <see cref="SchemaDiagnostic"/> reports. The generator maps each kind to its descriptor (id, title, message
/// format, severity); the number is the id's (RCON1nn), documented in docs/diagnostics.
/// </summary>
internal enum SchemaDiagnosticKind
{
    /// <summary>RCON101: a line of a dump is not a row; it is skipped.</summary>
    UnreadableLine = 101,

    /// <summary>RCON102: a name appears more than once; the last occurrence is used.</summary>
    DuplicateNames = 102,

    /// <summary>RCON103: a schema file is not valid JSON, or not the object a schema is.</summary>
    InvalidJson = 103,

    /// <summary>RCON104: a schema entry cannot be used as written.</summary>
    InvalidEntry = 104,

    /// <summary>RCON105: a schema file named by <c>[RconSchema]</c> is missing or unreadable.</summary>
    MissingFile = 105,

    /// <summary>RCON106: the class cannot carry a generated API.</summary>
    InvalidClass = 106,

    /// <summary>RCON107: a schema file gives no entries.</summary>
    EmptySchema = 107,

    /// <summary>RCON108: an answer pattern is not a valid regular expression; the command answers text.</summary>
    InvalidAnswerPattern = 108,

    /// <summary>RCON109: an answer declaration cannot be used; the command answers text.</summary>
    InvalidAnswerType = 109,
}
