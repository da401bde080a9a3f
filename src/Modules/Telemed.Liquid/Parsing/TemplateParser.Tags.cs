using Telemed.Liquid.Syntax;

namespace Telemed.Liquid.Parsing;

internal sealed partial class TemplateParser
{
    /// <summary>
    /// <c>if</c>/<c>unless</c>. As in Ruby Liquid, <c>elsif</c> and <c>else</c> may follow an <c>else</c>:
    /// they are parsed (and must be valid) but never render, since the first <c>else</c> always wins.
    /// </summary>
    private IfNode ParseIf(Tag tag, bool negate)
    {
        var end = "end" + tag.Name;
        string[] terminators = ["elsif", "else", end];
        var branches = new List<ConditionalBranch>();
        Node[]? elseBody = null;
        var terminator = tag;
        var blank = true;
        do
        {
            var isElse = terminator.Name == "else";
            var condition = isElse ? null : ParseMarkup(terminator, p => p.ParseConditionTag());
            var body = ParseBlockBody(tag, terminators, out terminator, ref blank);
            if (elseBody is not null)
            {
                continue;
            }

            if (isElse)
            {
                elseBody = body;
            }
            else
            {
                branches.Add(new ConditionalBranch(condition!, body));
            }
        }
        while (terminator.Name != end);

        if (blank)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                branches[i] = branches[i] with { Body = WithoutText(branches[i].Body) };
            }

            elseBody = elseBody is null ? null : WithoutText(elseBody);
        }

        return new IfNode([.. branches], elseBody, negate, blank, tag.Start);
    }

    private CaseNode ParseCase(Tag tag)
    {
        var subject = ParseMarkup(tag, p => p.ParseSingleExpression());
        string[] terminators = ["when", "else", "endcase"];

        // Anything between 'case' and the first 'when' is ignored, as in Ruby Liquid (but counts for blankness).
        var blank = true;
        ParseBlockBody(tag, terminators, out var terminator, ref blank);
        var branches = new List<CaseBranch>();
        while (terminator.Name != "endcase")
        {
            var clause = terminator;
            var values = clause.Name == "when" ? ParseMarkup(clause, p => p.ParseWhenValues()) : [null];
            if (clause.Name == "else" && !IsBlankMarkup(clause))
            {
                throw new MarkupSyntaxError("'else' in 'case' takes no condition; use 'when' for one", clause.MarkupStart);
            }

            var body = ParseBlockBody(tag, terminators, out terminator, ref blank);
            foreach (var value in values)
            {
                branches.Add(new CaseBranch(value, body));
            }
        }

        if (blank)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                branches[i] = branches[i] with { Body = WithoutText(branches[i].Body) };
            }
        }

        return new CaseNode(subject, [.. branches], blank, tag.Start);
    }

    private bool IsBlankMarkup(Tag tag) => _source.AsSpan(tag.MarkupStart, tag.MarkupEnd - tag.MarkupStart).IsWhiteSpace();

    private ForNode ParseFor(Tag tag)
    {
        var header = ParseMarkup(tag, p => ParseForHeader(p, tableRow: false));
        UsesContinueOffset |= header.ContinueOffset;
        _names.MarkBound(header.Variable);
        var blank = true;
        var body = ParseBlockBody(tag, ["else", "endfor"], out var terminator, ref blank);
        var elseBody = terminator.Name == "else" ? ParseBlockBody(tag, ["endfor"], out _, ref blank) : null;
        if (blank)
        {
            body = WithoutText(body);
            elseBody = elseBody is null ? null : WithoutText(elseBody);
        }

        return new ForNode(
            header.Variable, header.Name, header.Collection, header.Limit, header.Offset, header.ContinueOffset, header.Reversed, body, elseBody, blank, tag.Start);
    }

    private TableRowNode ParseTableRow(Tag tag)
    {
        var header = ParseMarkup(tag, p => ParseForHeader(p, tableRow: true));
        var loopVariable = _names.Get("tablerowloop");
        _names.MarkBound(header.Variable);
        _names.MarkBound(loopVariable);
        // Ruby counts a tablerow with a blank body as blank, but keeps its text.
        var blank = true;
        var body = ParseBlockBody(tag, ["endtablerow"], out _, ref blank);
        return new TableRowNode(header.Variable, loopVariable, header.Collection, header.Limit, header.Offset, header.Cols, body, blank, tag.Start);
    }

    private sealed record ForHeader(string Variable, string Name, Expression Collection)
    {
        public Expression? Limit { get; set; }

        public Expression? Cols { get; set; }

        public Expression? Offset { get; set; }

        public bool ContinueOffset { get; set; }

        public bool Reversed { get; set; }
    }

    /// <summary>The header of <c>for</c> and of <c>tablerow</c>, which takes <c>cols:</c> but neither <c>reversed</c> nor <c>offset: continue</c>.</summary>
    private static ForHeader ParseForHeader(MarkupParser p, bool tableRow)
    {
        var tag = tableRow ? "tablerow" : "for";
        var variable = p.ExpectIdentifier($"a loop variable, as in '{tag} item in items'");
        if (!p.TryConsumeIdentifier("in"))
        {
            throw p.Error($"Expected 'in' after '{variable}', as in '{tag} item in items'");
        }

        var collectionStart = p.Current.Start;
        var collection = p.ParseExpression();
        var header = new ForHeader(variable, $"{variable}-{p.Source[collectionStart..p.Current.Start].Trim()}", collection);
        while (!p.AtEnd)
        {
            if (!tableRow && p.TryConsumeIdentifier("reversed"))
            {
                header.Reversed = true;
                continue;
            }

            if (p.TryConsume(MarkupTokenKind.Comma))
            {
                continue;
            }

            var attribute = p.Current;
            if (attribute.Kind != MarkupTokenKind.Identifier || p.Peek(1).Kind != MarkupTokenKind.Colon)
            {
                if (p.Lenient)
                {
                    p.Next();
                    continue;
                }

                throw p.Error(tableRow
                    ? $"Unexpected {attribute.Describe()}: a tablerow takes 'cols:', 'limit:' and 'offset:'"
                    : $"Unexpected {attribute.Describe()}: a for loop takes 'limit:', 'offset:' and 'reversed'");
            }

            p.Next();
            p.Next();
            if (!tableRow && attribute.Text == "offset" && p.TryConsumeIdentifier("continue"))
            {
                header.ContinueOffset = true;
            }
            else if (attribute.Text is "limit" or "offset" || (tableRow && attribute.Text == "cols"))
            {
                var value = p.ParseExpression();
                switch (attribute.Text)
                {
                    case "limit":
                        header.Limit = value;
                        break;
                    case "offset":
                        header.Offset = value;
                        break;
                    default:
                        header.Cols = value;
                        break;
                }
            }
            else if (!p.Lenient)
            {
                throw new MarkupSyntaxError(
                    tableRow
                        ? $"Unknown tablerow attribute '{attribute.Text}'; use 'cols', 'limit' or 'offset'"
                        : $"Unknown for loop attribute '{attribute.Text}'; use 'limit' or 'offset'",
                    attribute.Start);
            }
        }

        return header;
    }

    private AssignNode ParseAssign(Tag tag) => ParseMarkup(tag, p =>
    {
        var name = p.ExpectIdentifier("a variable name, as in 'assign name = value'");
        p.Expect(MarkupTokenKind.Assign, $"'=' after '{name}'");
        var value = p.ParseFilteredExpression();
        p.ExpectEnd();
        _names.MarkBound(name);
        return new AssignNode(name, value, tag.Start);
    });

    private CaptureNode ParseCapture(Tag tag)
    {
        var name = ParseMarkup(tag, p =>
        {
            var token = p.Current.Kind == MarkupTokenKind.String ? p.Next() : p.Expect(MarkupTokenKind.Identifier, "a variable name");
            p.ExpectEnd();
            return token.Text;
        });

        _names.MarkBound(name);
        var blank = true;
        var body = ParseBlockBody(tag, ["endcapture"], out _, ref blank);
        return new CaptureNode(name, body, tag.Start);
    }

    /// <summary><c>ifchanged</c> takes no markup; Ruby ignores any, and so does lax mode.</summary>
    private IfChangedNode ParseIfChanged(Tag tag)
    {
        ParseMarkup(tag, p =>
        {
            p.ExpectEnd();
            return true;
        });

        var blank = true;
        var body = ParseBlockBody(tag, ["endifchanged"], out _, ref blank);
        return new IfChangedNode(body, blank, tag.Start);
    }

    private CounterNode ParseCounter(Tag tag) => ParseMarkup(tag, p =>
    {
        var name = p.ExpectIdentifier("a counter name");
        p.ExpectEnd();
        _names.MarkBound(name);
        return new CounterNode(name, tag.Name == "increment", tag.Start);
    });

    private CycleNode ParseCycle(Tag tag) => ParseMarkup(tag, p =>
    {
        var valuesStart = p.Current.Start;
        Expression? group = null;
        var values = new List<Expression> { p.ParseExpression() };
        if (p.TryConsume(MarkupTokenKind.Colon))
        {
            group = values[0];
            values.Clear();
            valuesStart = p.Current.Start;
            values.Add(p.ParseExpression());
        }

        while (p.TryConsume(MarkupTokenKind.Comma))
        {
            values.Add(p.ParseExpression());
        }

        var key = p.Source[valuesStart..p.Current.Start].Trim();
        p.ExpectEnd();
        return new CycleNode(group, key, [.. values], tag.Start);
    });

    private InterruptNode ParseInterrupt(Tag tag, Completion completion)
    {
        ParseMarkup(tag, p =>
        {
            p.ExpectEnd();
            return true;
        });

        return new InterruptNode(completion, tag.Start);
    }

    private RenderNode ParseRender(Tag tag) => ParseMarkup(tag, p =>
    {
        var name = p.Expect(MarkupTokenKind.String, "the partial name in quotes, as in render 'card'").Text;
        Expression? variable = null;
        var isForLoop = false;
        var alias = name[(name.LastIndexOf('/') + 1)..];
        if (p.Current.IsIdentifier("with") || p.Current.IsIdentifier("for"))
        {
            isForLoop = p.Next().Text == "for";
            variable = p.ParseExpression();
            if (p.TryConsumeIdentifier("as"))
            {
                alias = p.ExpectIdentifier("a name after 'as'");
            }
        }

        var (names, values) = ParsePartialArguments(p);
        return new RenderNode(name, variable, isForLoop, alias, names, values, tag.Start);
    });

    /// <summary>
    /// <c>{% include 'name' %}</c> or <c>{% include name_variable %}</c>, with <c>with value</c> or <c>for
    /// items</c>, <c>as alias</c> and <c>key: value</c> arguments, as Ruby Liquid reads it.
    /// </summary>
    private IncludeNode ParseInclude(Tag tag)
    {
        // The partial shares the caller's variables and may assign any of them.
        _names.MarkAllBound();
        return ParseMarkup(tag, p =>
        {
            if (p.AtEnd)
            {
                throw p.Error("Expected the partial name, as in include 'card'");
            }

            var name = p.ParseExpression();
            Expression? variable = null;
            if (p.TryConsumeIdentifier("with") || p.TryConsumeIdentifier("for"))
            {
                variable = p.ParseExpression();
            }

            var alias = p.TryConsumeIdentifier("as") ? p.ExpectIdentifier("a name after 'as'") : null;
            var (names, values) = ParsePartialArguments(p);
            return new IncludeNode(name, variable, alias, names, values, tag.Start);
        });
    }

    /// <summary>The <c>key: value</c> arguments of render and include, separated by optional commas.</summary>
    private static (string[] Names, Expression[] Values) ParsePartialArguments(MarkupParser p)
    {
        var names = new List<string>();
        var values = new List<Expression>();
        while (p.TryConsume(MarkupTokenKind.Comma) || (p.Current.Kind == MarkupTokenKind.Identifier && p.Peek(1).Kind == MarkupTokenKind.Colon))
        {
            if (p.AtEnd)
            {
                break;
            }

            names.Add(p.ExpectIdentifier("an argument name"));
            p.Expect(MarkupTokenKind.Colon, "':' after the argument name");
            values.Add(p.ParseExpression());
        }

        p.ExpectEnd();
        return ([.. names], [.. values]);
    }
}
