namespace Telemed.Liquid.Tests;

/// <summary><c>{% doc %}</c>: Shopify's LiquidDoc block documents a template and renders nothing.</summary>
public class DocTagShould
{
    [Theory]
    [InlineData("a{% doc %}Renders a card.\n@param {string} name - who{% enddoc %}b", "ab")]
    [InlineData("a{% doc %}{% enddoc %}b", "ab")]
    [InlineData("a{% doc %}{{ unclosed {% if %} {% endfor %}{% raw %}{% enddoc %}b", "ab")]
    [InlineData("a {%- doc -%} x {%- enddoc -%} b", "ab")]
    [InlineData("a {% doc %} x {% enddoc %} b", "a  b")]
    [InlineData("{%doc%}x{%enddoc%}{{ 'y' }}", "y")]
    [InlineData("{% liquid\n  doc\n    Notes, not tags\n  enddoc\n  echo 'x'\n%}", "x")]
    [InlineData("{% comment %}{% doc %}x{% enddoc %}{% endcomment %}y", "y")]
    [InlineData("[{% if true %} {% doc %}{% enddoc %} {% endif %}]", "[]")]
    [InlineData("[{% if true %} {% doc %}note{% enddoc %} {% endif %}]", "[  ]")]
    public void RenderNothing(string template, string expected)
    {
        Assert.Equal(expected, TestLiquid.Render(template));
        Assert.Equal(expected, TestLiquid.RenderStrict(template));
    }

    [Theory]
    [InlineData("{% doc %}never closed", 1, 1, "'doc' was never closed with 'enddoc'")]
    [InlineData("{% doc %}\n{% doc %}{% enddoc %}{% enddoc %}", 2, 1, "'doc' blocks cannot be nested")]
    [InlineData("{% doc card %}{% enddoc %}", 1, 8, "'doc' takes no arguments")]
    [InlineData("{% enddoc %}", 1, 1, "'enddoc' has no matching 'doc'")]
    [InlineData("{% liquid\n doc\n doc\n enddoc\n%}", 3, 2, "'doc' blocks cannot be nested")]
    [InlineData("{% liquid\n doc\n%}", 3, 1, "'enddoc' was expected to close 'doc' opened on line 2")]
    public void ReportMistakesInBothModes(string template, int line, int column, string reason)
    {
        foreach (var mode in new[] { LiquidParseMode.Strict, LiquidParseMode.Lax })
        {
            var error = TestLiquid.ParseError(template, mode);

            Assert.Equal((line, column, reason), (error.Line, error.Column, error.Reason));
        }
    }

    [Fact]
    public void KeepLineNumbersAfterIt() =>
        Assert.Equal(3, TestLiquid.RenderError("{% doc %}\n\n{% enddoc %}{{ 1 | divided_by: 0 }}").Line);
}
