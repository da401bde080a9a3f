namespace Telemed.Liquid.Tests;

/// <summary>
/// Conditions know only Liquid's operators (==, !=, &lt;&gt;, &lt;, &gt;, &lt;=, &gt;=, contains, and, or).
/// Anything else is a syntax error in strict mode and, as with Ruby's lax parser, an
/// "Unknown operator" error when the condition runs in lax mode.
/// </summary>
public class OperatorsShould
{
    private static readonly LiquidObject Model = new() { ["a"] = true, ["b"] = false, ["n"] = 1 };

    [Theory]
    [InlineData("{% if not a %}y{% endif %}", 7, "Unknown operator 'not': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    [InlineData("{% if a not b %}y{% endif %}", 9, "Unknown operator 'not': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    [InlineData("{% if !a %}y{% endif %}", 7, "Unknown operator '!': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    [InlineData("{% if a ! b %}y{% endif %}", 9, "Unknown operator '!': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    [InlineData("{% if a && b %}y{% endif %}", 9, "Unknown operator '&&': use 'and'")]
    [InlineData("{% if a || b %}y{% endif %}", 9, "Unknown operator '||': use 'or'")]
    [InlineData("{% if n === 1 %}y{% endif %}", 9, "Unknown operator '===': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if n => 1 %}y{% endif %}", 9, "Unknown operator '=>': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if n =< 1 %}y{% endif %}", 9, "Unknown operator '=<': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if n <=> 1 %}y{% endif %}", 9, "Unknown operator '<=>': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if n = 1 %}y{% endif %}", 9, "Use '==' to compare values; '=' is only for assign")]
    [InlineData("{% if n is 1 %}y{% endif %}", 9, "Unknown operator 'is': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if n eq 1 %}y{% endif %}", 9, "Unknown operator 'eq': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if a and not b %}y{% endif %}", 13, "Unknown operator 'not': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    [InlineData("{% unless n in (1..2) %}y{% endunless %}", 13, "Unknown operator 'in': conditions compare with ==, !=, <>, <, >, <=, >= or contains")]
    [InlineData("{% if a %}{% elsif not b %}y{% endif %}", 20, "Unknown operator 'not': Liquid has no 'not'; use 'unless', or '!=' to compare")]
    public void RefuseOtherOperatorsInStrictMode(string template, int column, string reason)
    {
        var error = TestLiquid.ParseError(template);

        Assert.Equal((1, column, reason), (error.Line, error.Column, error.Reason));
    }

    [Theory]
    [InlineData("{% if not a %}y{% endif %}", "Unknown operator 'not'")]
    [InlineData("{% if a not b %}y{% endif %}", "Unknown operator 'not'")]
    [InlineData("{% if a && b %}y{% endif %}", "Unknown operator '&&'")]
    [InlineData("{% if a || b %}y{% endif %}", "Unknown operator '||'")]
    [InlineData("{% if n === 1 %}y{% endif %}", "Unknown operator '==='")]
    [InlineData("{% if n = 1 %}y{% endif %}", "Unknown operator '='")]
    [InlineData("{% if n is 1 %}y{% endif %}", "Unknown operator 'is'")]
    [InlineData("{% if b or n junk 1 %}y{% endif %}", "Unknown operator 'junk'")]
    [InlineData("{% if n eq 1 and a %}y{% endif %}", "Unknown operator 'eq'")]
    [InlineData("{% unless not a %}y{% endunless %}", "Unknown operator 'not'")]
    public void FailWhenTheConditionRunsInLaxMode(string template, string reason)
    {
        var options = new LiquidOptions { ParseMode = LiquidParseMode.Lax };

        var error = TestLiquid.RenderError(template, Model, options);

        Assert.Equal(reason, error.Reason);
        Assert.Equal(string.Empty, TestLiquid.Render("{% if false %}" + template + "{% endif %}", Model, options));
    }

    [Fact]
    public void RefuseANegationInLaxModeTooSinceNoValueStartsWithIt() =>
        Assert.Equal("Unknown operator '!': Liquid has no 'not'; use 'unless', or '!=' to compare", TestLiquid.ParseError("{% if !a %}{% endif %}", LiquidParseMode.Lax).Reason);

    [Theory]
    [InlineData("{% if n == 1 and n != 2 and n <> 3 and n < 2 and n > 0 and n <= 1 and n >= 1 %}y{% endif %}", "y")]
    [InlineData("{% if 'abc' contains 'b' or b %}y{% endif %}", "y")]
    [InlineData("{% if not %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% assign not = true %}{% if not %}y{% endif %}", "y")]
    [InlineData("{{ 'a != b' }}|{{ '!' | append: '!' }}", "a != b|!!")]
    public void KeepLiquidsOwnOperators(string template, string expected)
    {
        Assert.Equal(expected, TestLiquid.Render(template, Model));
        Assert.Equal(expected, TestLiquid.RenderStrict(template, Model));
    }
}
