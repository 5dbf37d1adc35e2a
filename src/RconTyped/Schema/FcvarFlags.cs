using System.Collections.Generic;

namespace RconTyped.Schema;

/// <summary>
/// Source's FCVAR flags: the bitmask of JSON cvar databases and the FCVAR_ names of Markdown dumps, mapped to the
/// short names <c>cvarlist</c> prints, so every input format gives the same flag strings.
/// </summary>
internal static class FcvarFlags
{
    private static readonly (int Bit, string Fcvar, string Short)[] Known =
    {
        (1, "FCVAR_DEVELOPMENTONLY", "dev"),
        (2, "FCVAR_GAMEDLL", "sv"),
        (3, "FCVAR_CLIENTDLL", "cl"),
        (4, "FCVAR_HIDDEN", "hidden"),
        (5, "FCVAR_PROTECTED", "prot"),
        (6, "FCVAR_SPONLY", "sp"),
        (7, "FCVAR_ARCHIVE", "a"),
        (8, "FCVAR_NOTIFY", "nf"),
        (9, "FCVAR_USERINFO", "user"),
        (10, "FCVAR_PRINTABLEONLY", "print"),
        (11, "FCVAR_UNLOGGED", "log"),
        (12, "FCVAR_NEVER_AS_STRING", "numeric"),
        (13, "FCVAR_REPLICATED", "rep"),
        (14, "FCVAR_CHEAT", "cheat"),
        (15, "FCVAR_SS", "ss"),
        (16, "FCVAR_DEMO", "demo"),
        (17, "FCVAR_DONTRECORD", "norecord"),
        (18, "FCVAR_SS_ADDED", "ss_added"),
        (19, "FCVAR_RELEASE", "release"),
        (20, "FCVAR_RELOAD_MATERIALS", "reload_materials"),
        (21, "FCVAR_RELOAD_TEXTURES", "reload_textures"),
        (22, "FCVAR_NOT_CONNECTED", "notconnected"),
        (23, "FCVAR_MATERIAL_SYSTEM_THREAD", "matsys"),
        (24, "FCVAR_ARCHIVE_GAMECONSOLE", "a_gameconsole"),
        (25, "FCVAR_ACCESSIBLE_FROM_THREADS", "threads"),
        (28, "FCVAR_SERVER_CAN_EXECUTE", "server_can_execute"),
        (29, "FCVAR_SERVER_CANNOT_QUERY", "server_cant_query"),
        (30, "FCVAR_CLIENTCMD_CAN_EXECUTE", "clientcmd_can_execute"),
    };

    /// <summary>The short names of the bits set in a FCVAR bitmask, in bit order.</summary>
    public static string[] FromBitmask(long mask)
    {
        var names = new List<string>();
        foreach ((int bit, _, string shortName) in Known)
        {
            if ((mask & (1L << bit)) != 0)
            {
                names.Add(shortName);
            }
        }

        return names.ToArray();
    }

    /// <summary>The short name for an FCVAR_ name, or the name in lower case without the prefix when it is not known.</summary>
    public static string FromName(string fcvarName)
    {
        foreach ((_, string fcvar, string shortName) in Known)
        {
            if (fcvar == fcvarName)
            {
                return shortName;
            }
        }

        return fcvarName.StartsWith("FCVAR_", StringComparison.Ordinal)
            ? fcvarName.Substring("FCVAR_".Length).ToLowerInvariant()
            : fcvarName;
    }
}
