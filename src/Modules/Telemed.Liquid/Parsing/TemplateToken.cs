namespace Telemed.Liquid.Parsing;

internal enum TemplateTokenKind
{
    Text,

    /// <summary>The text of a <c>raw</c> block: plain text, but never blank, even when it is only whitespace.</summary>
    RawText,

    Output,
    Tag,
}

/// <summary>
/// One piece of a template: literal text (already trimmed by whitespace control), an output
/// <c>{{ }}</c> or a tag <c>{% %}</c>. Markup is located in the source so errors can point at it.
/// </summary>
internal readonly record struct TemplateToken(TemplateTokenKind Kind, int Start, int MarkupStart, int MarkupEnd, string? Text = null);
