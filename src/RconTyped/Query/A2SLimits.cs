namespace RconTyped.Query;

/// <summary>The bounds a server's answers are held to.</summary>
internal readonly record struct A2SLimits(int MaxAnswerBytes, int MaxPieces);
