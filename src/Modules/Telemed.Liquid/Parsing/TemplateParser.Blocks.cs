using Telemed.Liquid.Syntax;

namespace Telemed.Liquid.Parsing;

internal sealed partial class TemplateParser
{
    /// <summary>Skips a comment block; nested comments must be balanced, everything else is ignored.</summary>
    private Node? SkipComment(Tag tag)
    {
        var depth = 1;
        while (_index < _tokens.Count)
        {
            var token = _tokens[_index++];
            if (token.Kind != TemplateTokenKind.Tag || !TryReadTag(token, out var inner))
            {
                continue;
            }

            if (inner.Name == "comment")
            {
                depth++;
            }
            else if (inner.Name == "endcomment" && --depth == 0)
            {
                return null;
            }
        }

        throw new MarkupSyntaxError(
            $"'endcomment' was expected to close 'comment' opened on line {_lines.LineOf(tag.Start)}", _endPosition);
    }

    /// <summary>
    /// <c>{% doc %}…{% enddoc %}</c>, Shopify's documentation block: takes no arguments and renders nothing.
    /// In templates the tokenizer has skipped its body; inside <c>{% liquid %}</c> its lines are skipped here.
    /// </summary>
    private Node? SkipDoc(Tag tag)
    {
        if (!IsBlankMarkup(tag))
        {
            var argument = tag.MarkupStart;
            while (char.IsWhiteSpace(_source[argument]))
            {
                argument++;
            }

            throw new MarkupSyntaxError("'doc' takes no arguments", argument);
        }

        if (tag.Body is not null)
        {
            return null;
        }

        while (_index < _tokens.Count)
        {
            var token = _tokens[_index++];
            if (token.Kind != TemplateTokenKind.Tag || !TryReadTag(token, out var inner))
            {
                continue;
            }

            if (inner.Name == "doc")
            {
                throw new MarkupSyntaxError("'doc' blocks cannot be nested", inner.Start);
            }

            if (inner.Name == "enddoc")
            {
                return null;
            }
        }

        throw new MarkupSyntaxError($"'enddoc' was expected to close 'doc' opened on line {_lines.LineOf(tag.Start)}", _endPosition);
    }

    /// <summary>
    /// <c>{% liquid %}</c>: one tag per line without delimiters. The lines become tag tokens that point
    /// into the source, so errors still carry the right line and column.
    /// </summary>
    private Node ParseLiquidTag(Tag tag)
    {
        var lines = new List<TemplateToken>();
        var lineStart = tag.MarkupStart;
        while (lineStart < tag.MarkupEnd)
        {
            var newline = _source.IndexOf('\n', lineStart, tag.MarkupEnd - lineStart);
            var lineEnd = newline < 0 ? tag.MarkupEnd : newline;
            var start = lineStart;
            while (start < lineEnd && char.IsWhiteSpace(_source[start]))
            {
                start++;
            }

            if (start < lineEnd)
            {
                lines.Add(new TemplateToken(TemplateTokenKind.Tag, start, start, lineEnd));
            }

            lineStart = lineEnd + 1;
        }

        var (outerTokens, outerIndex, outerEnd) = (_tokens, _index, _endPosition);
        (_tokens, _index, _endPosition) = (lines, 0, tag.MarkupEnd);
        try
        {
            var body = ParseBody(null, out _, out var blank);
            return new SequenceNode(body, blank, tag.Start);
        }
        finally
        {
            (_tokens, _index, _endPosition) = (outerTokens, outerIndex, outerEnd);
        }
    }
}
