namespace RconTyped.Query;

/// <summary>What one piece did to a split answer.</summary>
internal enum A2SSplitStep
{
    Incomplete,
    Complete,
    Duplicate,
    Failed,
}
