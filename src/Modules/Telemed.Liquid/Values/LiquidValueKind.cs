namespace Telemed.Liquid.Values;

/// <summary>The kinds of value a template can see. <c>Empty</c> and <c>Blank</c> are the comparison literals.</summary>
public enum LiquidValueKind : byte
{
    Nil,
    Boolean,
    Integer,
    Float,
    String,
    Array,
    Hash,
    Object,
    DateTime,
    Empty,
    Blank,
}
