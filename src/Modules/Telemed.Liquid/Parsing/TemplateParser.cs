using Telemed.Liquid.Syntax;

namespace Telemed.Liquid.Parsing;

/// <summary>
/// Builds the node tree from tokens. Block tags parse their body up to one of their terminator
/// tags; unknown or misplaced tags are errors in both modes, as in Ruby Liquid.
/// </summary>
internal sealed partial class TemplateParser
{
    private static readonly HashSet<string> BlockDelimiters =
    [
        "else", "elsif", "when", "endif", "endunless", "endcase", "endfor", "endcapture", "endcomment", "endraw", "endtablerow", "enddoc", "endifchanged",
    ];

    private readonly string _source;
    private readonly LineMap _lines;
    private readonly string? _name;
    private readonly LiquidOptions _options;
    private readonly NameTable _names = new();
    private List<TemplateToken> _tokens = [];
    private int _index;
    private int _endPosition;
    private int _depth;

    private TemplateParser(string source, LineMap lines, string? name, LiquidOptions options)
    {
        _source = source;
        _lines = lines;
        _name = name;
        _options = options;
        _endPosition = source.Length;
    }

    /// <summary>True once a loop with <c>offset: continue</c> has been parsed.</summary>
    public bool UsesContinueOffset { get; private set; }

    public static ParsedBody Parse(string source, LineMap lines, string? name, LiquidOptions options)
    {
        var parser = new TemplateParser(source, lines, name, options);
        try
        {
            parser._tokens = TemplateTokenizer.Tokenize(source, (message, position) => new MarkupSyntaxError(message, position));
            var body = parser.ParseBody(null, out _, out _);
            parser._names.Complete();
            return new ParsedBody(body, parser.UsesContinueOffset, parser._names.SlotCount);
        }
        catch (MarkupSyntaxError error)
        {
            throw parser.ToParseException(error);
        }
    }

    public sealed record ParsedBody(Node[] Nodes, bool UsesContinueOffset, int VariableSlots);

    /// <summary>A tag; <see cref="Body"/> is the unread body of a <c>doc</c> block, read with it by the tokenizer.</summary>
    private readonly record struct Tag(string Name, int Start, int MarkupStart, int MarkupEnd, string? Body = null);

    private readonly record struct OpenBlock(string Name, int Start, string[] Terminators);

    /// <summary>
    /// Parses nodes up to one of the open block's terminators. <paramref name="blank"/> tells whether the
    /// body is blank as Ruby Liquid decides it when parsing: only whitespace and tags that output
    /// nothing (assign, capture, comments, blank blocks); an output <c>{{ }}</c> is never blank.
    /// </summary>
    private Node[] ParseBody(OpenBlock? block, out Tag terminator, out bool blank)
    {
        var nodes = new List<Node>();
        blank = true;
        while (_index < _tokens.Count)
        {
            var token = _tokens[_index++];
            switch (token.Kind)
            {
                case TemplateTokenKind.Text or TemplateTokenKind.RawText:
                    var raw = token.Kind == TemplateTokenKind.RawText;
                    blank &= TextNode.IsBlankText(token.Text!, raw);

                    // Text after an output is written by the output node: one step fewer per output.
                    if (nodes is [.., OutputNode { TrailingText: null } previous])
                    {
                        nodes[^1] = previous.WithTrailingText(token.Text!);
                    }
                    else
                    {
                        nodes.Add(new TextNode(token.Text!, token.Start, raw));
                    }

                    break;
                case TemplateTokenKind.Output:
                    blank = false;
                    if (ParseMarkup(token.MarkupStart, token.MarkupEnd, p => p.ParseOutput()) is { } output)
                    {
                        nodes.Add(new OutputNode(output, token.Start));
                    }

                    break;
                default:
                    var tag = ReadTag(token);
                    if (block is { } open && Array.IndexOf(open.Terminators, tag.Name) >= 0)
                    {
                        terminator = tag;
                        return [.. nodes];
                    }

                    if (ParseTag(tag, block) is { } node)
                    {
                        blank &= node.IsBlank;
                        nodes.Add(node);
                    }
                    else
                    {
                        blank &= IsBlankWithoutNode(tag);
                    }

                    break;
            }
        }

        if (block is { } unclosed)
        {
            throw new MarkupSyntaxError(
                $"'end{unclosed.Name}' was expected to close '{unclosed.Name}' opened on line {_lines.LineOf(unclosed.Start)}",
                _endPosition);
        }

        terminator = default;
        return [.. nodes];
    }

    /// <summary>Tags that leave no node: comments are blank, an empty <c>echo</c> is not (Ruby counts the tag, not what it prints).</summary>
    private static bool IsBlankWithoutNode(Tag tag) => tag.Name is "comment" or "#" || (tag.Name == "doc" && string.IsNullOrEmpty(tag.Body));

    /// <summary>
    /// A blank block body renders nothing: Ruby Liquid drops its whitespace text, so
    /// <c>{% if x %}\n  {% assign y = 1 %}\n{% endif %}</c> writes no blank lines.
    /// </summary>
    private static Node[] WithoutText(Node[] nodes) => Array.FindAll(nodes, node => node is not TextNode);

    /// <summary>Parses the body of a block tag, guarding how deeply blocks nest; <paramref name="blank"/> is cleared unless the body is blank.</summary>
    private Node[] ParseBlockBody(Tag opening, string[] terminators, out Tag terminator, ref bool blank)
    {
        if (++_depth > _options.MaxNestingDepth)
        {
            throw new MarkupSyntaxError($"Blocks are nested more than {_options.MaxNestingDepth} levels deep", opening.Start);
        }

        var body = ParseBody(new OpenBlock(opening.Name, opening.Start, terminators), out terminator, out var bodyBlank);
        blank &= bodyBlank;
        _depth--;
        return body;
    }

    private Node? ParseTag(Tag tag, OpenBlock? block) => tag.Name switch
    {
        "if" => ParseIf(tag, negate: false),
        "unless" => ParseIf(tag, negate: true),
        "case" => ParseCase(tag),
        "for" => ParseFor(tag),
        "tablerow" => ParseTableRow(tag),
        "assign" => ParseAssign(tag),
        "capture" => ParseCapture(tag),
        "ifchanged" => ParseIfChanged(tag),
        "increment" or "decrement" => ParseCounter(tag),
        "cycle" => ParseCycle(tag),
        "echo" => ParseMarkup(tag, p => p.ParseOutput()) is { } value ? new OutputNode(value, tag.Start) : null,
        "render" => ParseRender(tag),
        "include" => ParseInclude(tag),
        "break" => ParseInterrupt(tag, Completion.Break),
        "continue" => ParseInterrupt(tag, Completion.Continue),
        "comment" => SkipComment(tag),
        "doc" => SkipDoc(tag),
        "#" => null,
        "liquid" => ParseLiquidTag(tag),
        "raw" => throw new MarkupSyntaxError("'raw' cannot be used inside 'liquid'", tag.Start),
        _ => throw Misplaced(tag, block),
    };

    private MarkupSyntaxError Misplaced(Tag tag, OpenBlock? block)
    {
        if (!BlockDelimiters.Contains(tag.Name))
        {
            return new MarkupSyntaxError($"Unknown tag '{tag.Name}'", tag.Start);
        }

        if (block is { } open)
        {
            return new MarkupSyntaxError(
                $"'end{open.Name}' was expected to close '{open.Name}' opened on line {_lines.LineOf(open.Start)}, but found '{tag.Name}'",
                tag.Start);
        }

        return tag.Name.StartsWith("end", StringComparison.Ordinal)
            ? new MarkupSyntaxError($"'{tag.Name}' has no matching '{tag.Name[3..]}'", tag.Start)
            : new MarkupSyntaxError($"'{tag.Name}' is only allowed inside a block", tag.Start);
    }

    private Tag ReadTag(TemplateToken token) =>
        TryReadTag(token, out var tag) ? tag : throw new MarkupSyntaxError("Expected a tag name after '{%'", token.Start);

    private bool TryReadTag(TemplateToken token, out Tag tag)
    {
        var i = token.MarkupStart;
        while (i < token.MarkupEnd && char.IsWhiteSpace(_source[i]))
        {
            i++;
        }

        var nameStart = i;
        if (i < token.MarkupEnd && _source[i] == '#')
        {
            i++;
        }
        else
        {
            while (i < token.MarkupEnd && (char.IsAsciiLetterOrDigit(_source[i]) || _source[i] == '_'))
            {
                i++;
            }
        }

        tag = new Tag(_source[nameStart..i], token.Start, i, token.MarkupEnd, token.Text);
        return i > nameStart;
    }

    private T ParseMarkup<T>(Tag tag, Func<MarkupParser, T> parse) => ParseMarkup(tag.MarkupStart, tag.MarkupEnd, parse);

    /// <summary>Parses markup strictly; in lax mode a failure is retried leniently before it is reported.</summary>
    private T ParseMarkup<T>(int start, int end, Func<MarkupParser, T> parse)
    {
        try
        {
            return parse(new MarkupParser(_source, start, end, _options.Filters, _names, lenient: false));
        }
        catch (MarkupSyntaxError) when (_options.ParseMode == LiquidParseMode.Lax)
        {
            try
            {
                return parse(new MarkupParser(_source, start, end, _options.Filters, _names, lenient: true));
            }
            catch (MarkupSyntaxError)
            {
                // Report what the strict reading found: it points at the first mistake.
            }

            return parse(new MarkupParser(_source, start, end, _options.Filters, _names, lenient: false));
        }
    }

    private LiquidParseException ToParseException(MarkupSyntaxError error)
    {
        var (line, column) = _lines.Locate(error.Position);
        return new LiquidParseException(error.Message, line, column, _name);
    }
}
