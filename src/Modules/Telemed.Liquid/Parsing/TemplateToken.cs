namespace Telemed.Liquid.Parsing;

internal enum TemplateTokenKind
{
    Text,
    Output,
    Tag,
}

/// <summary>
/// One piece of a template: literal text (already trimmed by whitespace control), an output
/// <c>{{ }}</c> or a tag <c>{% %}</c>. Markup is located in the source so errors can point at it.
/// </summary>
/// <see cref="Raw"/> marks the text of a <c>raw</c> block, which is never blank, even when it is only whitespace.
internal readonly record struct TemplateToken(TemplateTokenKind Kind, int Start, int MarkupStart, int MarkupEnd, string? Text = null, bool Raw = false);
