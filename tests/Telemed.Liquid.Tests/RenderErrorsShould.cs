namespace Telemed.Liquid.Tests;

public class RenderErrorsShould
{
    private static readonly LiquidOptions StrictVariables = new() { StrictVariables = true };
    private static readonly LiquidOptions StrictFilters = new() { StrictFilters = true };

    [Theory]
    [InlineData("Hi {{ patient.nme }}", 1, 7, "Undefined variable 'patient.nme'")]
    [InlineData("\n{{ doctor }}", 2, 4, "Undefined variable 'doctor'")]
    [InlineData("{% if visits.count > 1 %}{% endif %}", 1, 7, "Undefined variable 'visits'")]
    [InlineData("{{ patient.tags[3] }}{{ patient.name.missing }}", 1, 25, "Undefined variable 'patient.name.missing'")]
    public void RejectUndefinedVariablesWhenStrict(string template, int line, int column, string reason)
    {
        var model = new LiquidObject { ["patient"] = new LiquidObject { ["name"] = "Ann", ["tags"] = LiquidValue.Array() } };

        var error = TestLiquid.RenderError(template, model, StrictVariables);

        Assert.Equal((line, column, reason), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void AllowDefinedVariablesAndLoopStateWhenStrict()
    {
        var model = new LiquidObject { ["list"] = LiquidValue.Array(1, 2) };
        const string template = "{% assign a = 1 %}{% capture c %}x{% endcapture %}{% increment n %}{% for i in list %}{{ forloop.index }}{{ i }}{% endfor %}{{ a }}{{ c }}{{ n }}{{ list.size }}";

        Assert.Equal("011221x12", TestLiquid.Render(template, model, StrictVariables));
    }

    [Fact]
    public void IgnoreUnknownFiltersUnlessStrict()
    {
        Assert.Equal("abc", TestLiquid.Render("{{ 'abc' | frobnicate: 1 | nope }}"));

        var error = TestLiquid.RenderError("{{ 'abc' | upcase | frobnicate: 1 }}", options: StrictFilters);

        Assert.Equal((1, 21, "Unknown filter 'frobnicate'"), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void ReportTheInnermostFailingNode()
    {
        const string template = "{% for i in (1..3) %}\n  {% if i == 2 %}\n    {{ i | divided_by: 0 }}\n  {% endif %}\n{% endfor %}";

        var error = TestLiquid.RenderError(template);

        Assert.Equal("Line 3, column 12: divided by 0", error.Message);
    }

    [Fact]
    public void WrapUnexpectedFilterFailures()
    {
        var options = new LiquidOptions();
        options.Filters.Add("explode", (_, _, _) => throw new InvalidOperationException("boom"));

        var error = TestLiquid.RenderError("{{ 1 | explode }}", options: options);

        Assert.Equal("Filter 'explode' failed: boom", error.Reason);
        Assert.Equal(8, error.Column);
    }

    [Fact]
    public void WriteErrorsInlineAndGoOnWhenAsked()
    {
        const string template = "a{{ 1 | divided_by: 0 }}b\n{% for i in (1..2) %}{{ i | divided_by: 0 }}{{ i }}{% endfor %}c";
        var settings = new LiquidRenderSettings { InlineErrors = true };

        var output = new LiquidEngine().Render(template, new LiquidObject(), settings);

        Assert.Equal("aLiquid error (line 1): divided by 0b\nLiquid error (line 2): divided by 01Liquid error (line 2): divided by 02c", output);
    }

    [Fact]
    public void EncodeInlineErrorsInHtmlModeAndNameThePartial()
    {
        var partials = new InMemoryLiquidTemplateStore().Add("card", "x\n{{ '<b>' | strict_nonsense }}{{ 1 | modulo: 0 }}");
        var engine = new LiquidEngine(new LiquidOptions { StrictFilters = true });
        var settings = new LiquidRenderSettings { InlineErrors = true, HtmlEncode = true, TemplateStore = partials };

        var output = engine.Render("{% render 'card' %}|{{ '<i>' | nope }}", new LiquidObject(), settings);

        Assert.Equal(
            "x\nLiquid error (card line 2): Unknown filter &#39;strict_nonsense&#39;Liquid error (card line 2): divided by 0|Liquid error (line 1): Unknown filter &#39;nope&#39;",
            output);
    }

    [Fact]
    public void StillStopAtLimitsWhenErrorsAreInline()
    {
        var engine = new LiquidEngine(new LiquidOptions { MaxLoopIterations = 10 });
        var settings = new LiquidRenderSettings { InlineErrors = true };

        var error = Assert.Throws<LiquidLimitExceededException>(() => engine.Render("{% for i in (1..50) %}{{ i }}{% endfor %}", new LiquidObject(), settings));

        Assert.Equal(LiquidLimit.LoopIterations, error.Limit);
    }
}
