namespace Telemed.Liquid.Tests;

/// <summary><c>{% ifchanged %}</c> writes its body only when it differs from what the last ifchanged wrote.</summary>
public class IfChangedTagShould
{
    private static readonly LiquidObject Model = new()
    {
        ["days"] = LiquidValue.Array("Mon", "Mon", "Tue", "Mon", "Mon"),
        ["visits"] = LiquidValue.Array(
            new LiquidObject { ["day"] = "Mon", ["time"] = "09:00" },
            new LiquidObject { ["day"] = "Mon", ["time"] = "10:00" },
            new LiquidObject { ["day"] = "Tue", ["time"] = "09:00" }),
    };

    [Theory]
    [InlineData("{% for d in days %}{% ifchanged %}{{ d }}{% endifchanged %}{% endfor %}", "MonTueMon")]
    [InlineData("{% for v in visits %}{% ifchanged %}[{{ v.day }}]{% endifchanged %}{{ v.time }} {% endfor %}", "[Mon]09:00 10:00 [Tue]09:00 ")]
    [InlineData("{% ifchanged %}a{% endifchanged %}{% ifchanged %}a{% endifchanged %}{% ifchanged %}b{% endifchanged %}", "ab")]
    [InlineData("{% ifchanged %}{% endifchanged %}{% ifchanged %}x{% endifchanged %}", "x")]
    [InlineData("{% for i in (1..3) %}{% ifchanged %}{% if i > 1 %}late{% endif %}{% endifchanged %}{% endfor %}", "late")]
    [InlineData("{% for i in (1..3) %}{% ifchanged %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endifchanged %}{% endfor %}", "12")]
    [InlineData("{% ifchanged %}{% assign x = 1 %}{% endifchanged %}{{ x }}", "1")]
    [InlineData("{% liquid\nfor d in days\n  ifchanged\n    echo d\n  endifchanged\nendfor\n%}", "MonTueMon")]
    public void WriteOnlyWhatChanged(string template, string expected)
    {
        Assert.Equal(expected, TestLiquid.Render(template, Model));
        Assert.Equal(expected, TestLiquid.RenderStrict(template, Model));
    }

    [Fact]
    public void CompareTheEncodedTextInHtmlMode() =>
        Assert.Equal("&lt;b&gt;<i>", TestLiquid.RenderHtml("{% for x in list %}{% ifchanged %}{{ x }}{% endifchanged %}{% endfor %}", new LiquidObject { ["list"] = LiquidValue.Array("<b>", "<b>", LiquidValue.SafeString("<i>")) }));

    [Fact]
    public void StartAfreshInEveryRender()
    {
        var template = new LiquidEngine().Parse("{% ifchanged %}same{% endifchanged %}");

        Assert.Equal("same", template.Render(new LiquidObject()));
        Assert.Equal("same", template.Render(new LiquidObject()));
    }

    [Fact]
    public void StayWithinTheOutputLimit() =>
        Assert.Equal(
            LiquidLimit.OutputLength,
            Assert.Throws<LiquidLimitExceededException>(() => TestLiquid.Render("{% ifchanged %}{% for i in (1..100) %}0123456789{% endfor %}{% endifchanged %}", options: new LiquidOptions { MaxOutputLength = 500 })).Limit);

    [Theory]
    [InlineData("{% ifchanged %}x", "'endifchanged' was expected to close 'ifchanged' opened on line 1")]
    [InlineData("{% endifchanged %}", "'endifchanged' has no matching 'ifchanged'")]
    public void ReportUnbalancedTags(string template, string reason) =>
        Assert.Equal(reason, TestLiquid.ParseError(template).Reason);
}
