namespace Telemed.Liquid.Tests;

public class ParseErrorsShould
{
    [Theory]
    [InlineData("{% if true %}\nx\n    {% endfor %}", 3, 5, "'endif' was expected to close 'if' opened on line 1, but found 'endfor'")]
    [InlineData("a\n{% if true %}\nx", 3, 2, "'endif' was expected to close 'if' opened on line 2")]
    [InlineData("{% for i in list %}{% if i %}{% endfor %}", 1, 30, "'endif' was expected to close 'if' opened on line 1, but found 'endfor'")]
    [InlineData("{% endif %}", 1, 1, "'endif' has no matching 'if'")]
    [InlineData("{% else %}", 1, 1, "'else' is only allowed inside a block")]
    [InlineData("{% for a in b %}{% else %}{% else %}{% endfor %}", 1, 27, "'endfor' was expected to close 'for' opened on line 1, but found 'else'")]
    [InlineData("\n  {% frobnicate %}", 2, 3, "Unknown tag 'frobnicate'")]
    [InlineData("{% %}", 1, 1, "Expected a tag name after '{%'")]
    [InlineData("{{ name ", 1, 1, "'{{' was not closed with '}}'")]
    [InlineData("ok\n{% if x", 2, 1, "'{%' was not closed with '%}'")]
    [InlineData("{% raw %}never closed", 1, 1, "'raw' was never closed with 'endraw'")]
    [InlineData("{% comment %}never closed", 1, 26, "'endcomment' was expected to close 'comment' opened on line 1")]
    [InlineData("{% capture %}{% endcapture %}", 1, 12, "Expected a variable name but found the end of the tag")]
    public void ReportLineColumnAndReasonInBothModes(string template, int line, int column, string reason)
    {
        foreach (var mode in new[] { LiquidParseMode.Strict, LiquidParseMode.Lax })
        {
            var error = TestLiquid.ParseError(template, mode);

            Assert.Equal((line, column, reason), (error.Line, error.Column, error.Reason));
            Assert.Equal($"Line {line}, column {column}: {reason}", error.Message);
        }
    }

    [Theory]
    [InlineData("{{ a b }}", 6, "Unexpected 'b'")]
    [InlineData("{{ 'x' | }}", 10, "Expected a filter name after '|' but found the end of the tag")]
    [InlineData("{{ a | upcase extra }}", 15, "Unexpected 'extra'")]
    [InlineData("{{ a ^ b }}", 6, "Unexpected character '^'")]
    [InlineData("{{ 'unclosed }}", 4, "A quoted string is not closed")]
    [InlineData("{{ a. }}", 7, "Expected a name after '.' but found the end of the tag")]
    [InlineData("{{ a[0 }}", 8, "Expected ']' but found the end of the tag")]
    [InlineData("{{ (1..) }}", 8, "Expected a value but found ')'")]
    [InlineData("{% if %}{% endif %}", 7, "Expected a condition")]
    [InlineData("{% if a == %}{% endif %}", 12, "Expected a value but found the end of the tag")]
    [InlineData("{% if a = b %}{% endif %}", 9, "Use '==' to compare values; '=' is only for assign")]
    [InlineData("{% if a junk %}{% endif %}", 9, "Unknown operator 'junk': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% assign = 1 %}", 11, "Expected a variable name, as in 'assign name = value' but found '='")]
    [InlineData("{% assign x 1 %}", 13, "Expected '=' after 'x' but found '1'")]
    [InlineData("{% for in list %}{% endfor %}", 11, "Expected 'in' after 'in', as in 'for item in items'")]
    [InlineData("{% for x list %}{% endfor %}", 10, "Expected 'in' after 'x', as in 'for item in items'")]
    [InlineData("{% for x in list limit 2 %}{% endfor %}", 18, "Unexpected 'limit': a for loop takes 'limit:', 'offset:' and 'reversed'")]
    [InlineData("{% for x in list sort: 2 %}{% endfor %}", 18, "Unknown for loop attribute 'sort'; use 'limit' or 'offset'")]
    [InlineData("{% break now %}", 10, "Unexpected 'now'")]
    [InlineData("{% case %}{% endcase %}", 9, "Expected a value but found the end of the tag")]
    public void RejectBadMarkupInStrictMode(string template, int column, string reason)
    {
        var error = TestLiquid.ParseError(template);

        Assert.Equal((1, column, reason), (error.Line, error.Column, error.Reason));
    }

    [Theory]
    [InlineData("{{ a b }}", "a")]
    [InlineData("{{ a | upcase extra }}", "A")]
    [InlineData("{{ a ^ b }}", "a")]
    [InlineData("{{ a | | upcase }}", "A")]
    [InlineData("{{ ^^ }}", "")]
    [InlineData("{% if a == 'a' junk %}y{% endif %}", "y")]
    [InlineData("{% if a == 'b' junk %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% for x in list limit 2 %}{{ x }}{% endfor %}", "12")]
    [InlineData("{% for x in list sort: 1 %}{{ x }}{% endfor %}", "12")]
    [InlineData("{% assign x = a | upcase junk %}{{ x }}", "A")]
    [InlineData("{% break now %}after", "")]
    public void DegradeBadMarkupInLaxModeAsRuby(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["a"] = "a", ["list"] = LiquidValue.Array(1, 2) }));

    [Fact]
    public void ReportNestingBeyondTheLimit()
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 70)) + string.Concat(Enumerable.Repeat("{% endif %}", 70));

        Assert.Equal("Blocks are nested more than 64 levels deep", TestLiquid.ParseError(template).Reason);
    }

    [Fact]
    public void LetEditorsCheckTemplatesWithoutExceptions()
    {
        var engine = new LiquidEngine();

        Assert.True(engine.TryParse("{{ ok }}", out var template, out _));
        Assert.NotNull(template);
        Assert.False(engine.TryParse("{% if %}", out _, out var error));
        Assert.Equal((1, 7), (error.Line, error.Column));
    }
}
