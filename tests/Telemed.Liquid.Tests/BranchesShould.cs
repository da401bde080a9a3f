namespace Telemed.Liquid.Tests;

/// <summary>Which branches of <c>case</c> and <c>if</c> render, including Ruby Liquid's less obvious cases.</summary>
public class BranchesShould
{
    [Theory]
    [InlineData("{% case 'a' %}{% when 'a' %}1{% when 'a' %}2{% else %}E{% endcase %}", "12")]
    [InlineData("{% case 'a' %}{% when 'a', 'a' %}M{% endcase %}", "MM")]
    [InlineData("{% case 'a' %}{% when 'a' or 'a' %}M{% endcase %}", "MM")]
    [InlineData("{% case 'a' %}{% when 'b', 'a', 'c' %}M{% endcase %}", "M")]
    [InlineData("{% case 1 %}{% when 1 %}a{% when 1.0 %}b{% when '1' %}c{% endcase %}", "ab")]
    [InlineData("{% case nil %}{% when nil, nil %}{% cycle 'x', 'y' %}{% endcase %}", "xy")]
    [InlineData("{% case 1 %}{% when 2 %}a{% else %}b{% when 1 %}c{% endcase %}", "bc")]
    [InlineData("{% case 1 %}{% when 1 %}a{% else %}b{% when 1 %}c{% else %}d{% endcase %}", "ac")]
    [InlineData("{% case 1 %}{% when 2 %}a{% else %}b{% else %}c{% endcase %}", "bc")]
    [InlineData("{% case 1 %}{% else %}b{% when 1 %}c{% else %}d{% endcase %}", "bc")]
    [InlineData("{% case 3 %}{% when 1 %}a{% when 2 %}b{% endcase %}", "")]
    [InlineData("{% case 1 %}{% else %}e{% endcase %}", "e")]
    [InlineData("{% for i in (1..3) %}{% case i %}{% when 2 %}{% break %}{% when 2 %}never{% endcase %}{{ i }}{% endfor %}", "1")]
    public void RenderEveryMatchingWhenAndElseInOrder(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{% case 1 %}{% else 2 %}x{% endcase %}", LiquidParseMode.Strict)]
    [InlineData("{% case 1 %}{% else 2 %}x{% endcase %}", LiquidParseMode.Lax)]
    [InlineData("{% case 1 %}{% when 1 %}{% else nope %}x{% endcase %}", LiquidParseMode.Lax)]
    public void RefuseAConditionOnTheElseOfCase(string template, LiquidParseMode mode) =>
        Assert.Equal("'else' in 'case' takes no condition; use 'when' for one", TestLiquid.ParseError(template, mode).Reason);

    [Theory]
    [InlineData("{% if false %}a{% else %}b{% else %}c{% endif %}", "b")]
    [InlineData("{% if true %}a{% else %}b{% else %}c{% endif %}", "a")]
    [InlineData("{% if false %}a{% else %}b{% elsif true %}c{% endif %}", "b")]
    [InlineData("{% if false %}a{% elsif false %}b{% else %}c{% elsif true %}d{% else %}e{% endif %}", "c")]
    [InlineData("{% unless true %}a{% else %}b{% elsif true %}c{% endunless %}", "b")]
    [InlineData("{% if false %}a{% else %}b{% else %}{% assign x = 1 %}{% endif %}[{{ x }}]", "b[]")]
    public void IgnoreBranchesAfterTheFirstElse(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{% if false %}{% else %}{% elsif %}{% endif %}", "Expected a condition")]
    [InlineData("{% if false %}{% else %}{% else %}{% frobnicate %}{% endif %}", "Unknown tag 'frobnicate'")]
    public void StillParseBranchesAfterTheFirstElse(string template, string reason)
    {
        foreach (var mode in new[] { LiquidParseMode.Strict, LiquidParseMode.Lax })
        {
            Assert.Equal(reason, TestLiquid.ParseError(template, mode).Reason);
        }
    }
}
