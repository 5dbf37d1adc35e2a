namespace RconTyped.Schema;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonNodeKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
