namespace RconTyped;

/// <summary>The layout a status answer was recognised as.</summary>
public enum ServerStatusFormat
{
    /// <summary>No known layout: nothing but <see cref="ServerStatus.UnparsedLines"/>.</summary>
    Unknown,

    /// <summary>Source 1 <c>status</c> (TF2, CS:S, CS:GO, GMod, L4D/L4D2, HL2DM …): <c>key : value</c> lines and <c># userid name …</c> rows.</summary>
    Source,

    /// <summary>Source 2 <c>status</c> (CS2): <c>---------players--------</c> and <c>id time ping loss state rate adr name</c> rows.</summary>
    Cs2,
}
