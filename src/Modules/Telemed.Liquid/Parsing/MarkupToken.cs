namespace Telemed.Liquid.Parsing;

internal enum MarkupTokenKind
{
    End,
    Identifier,
    String,
    Integer,
    Float,
    Dot,
    DotDot,
    Comma,
    Colon,
    Pipe,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comparison,
    Assign,
    Invalid,
}

/// <summary>A token of tag or output markup; <see cref="Start"/> is the offset in the template text.</summary>
internal readonly record struct MarkupToken(MarkupTokenKind Kind, int Start, string Text)
{
    public bool IsIdentifier(string name) => Kind == MarkupTokenKind.Identifier && Text == name;

    public string Describe() => Kind switch
    {
        MarkupTokenKind.End => "the end of the tag",
        MarkupTokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
