namespace Telemed.Liquid.Tests;

public class PartialsShould
{
    private static readonly InMemoryLiquidTemplateStore Partials = new InMemoryLiquidTemplateStore()
        .Add("greeting", "Hello {{ name }}{{ outer }}")
        .Add("item", "[{{ item }}]")
        .Add("cards/attendee", "<{{ attendee.name }}:{{ forloop.index }}>")
        .Add("assigns", "{% assign leaked = 'no' %}{{ leaked }}")
        .Add("loop", "{% render 'loop' %}")
        .Add("broken", "line one\n{% if %}")
        .Add("failing", "\n  {{ 1 | divided_by: 0 }}");

    private static string Render(string template, LiquidObject? model = null, LiquidOptions? options = null) =>
        new LiquidEngine(options ?? new LiquidOptions(), Partials).Render(template, model ?? new LiquidObject());

    [Theory]
    [InlineData("{% render 'greeting', name: 'Ann' %}", "Hello Ann")]
    [InlineData("{% render 'greeting' name: 'Ann' %}", "Hello Ann")]
    [InlineData("{% render 'item' with 'x' %}", "[x]")]
    [InlineData("{% render 'item' with list %}", "[ab]")]
    [InlineData("{% render 'item' for list %}", "[a][b]")]
    [InlineData("{% render 'item' with 'y' as item %}", "[y]")]
    [InlineData("{% render 'greeting' with 'Bob' as name %}", "Hello Bob")]
    [InlineData("{% render 'cards/attendee' for people as attendee %}", "<Ann:1><Bob:2>")]
    [InlineData("{% render 'cards/attendee' with people[1] %}", "<Bob:>")]
    public void RenderPartialsWithArguments(string template, string expected)
    {
        var model = new LiquidObject
        {
            ["list"] = LiquidValue.Array("a", "b"),
            ["people"] = LiquidValue.Array(new LiquidObject { ["name"] = "Ann" }, new LiquidObject { ["name"] = "Bob" }),
        };

        Assert.Equal(expected, Render(template, model));
    }

    [Fact]
    public void IsolateThePartialFromTheCallerVariables()
    {
        var model = new LiquidObject { ["outer"] = "!", ["name"] = "caller" };

        Assert.Equal("Hello |no|", Render("{% render 'greeting' %}|{% render 'assigns' %}|{{ leaked }}", model));
    }

    [Fact]
    public void ReportAMissingPartial()
    {
        var error = Assert.ThrowsAny<LiquidRenderException>(() => Render("\n{% render 'nope' %}"));

        Assert.Equal("Line 2, column 1: Partial 'nope' was not found", error.Message);
    }

    [Fact]
    public void ReportErrorsWithThePartialName()
    {
        var parse = Assert.Throws<LiquidParseException>(() => Render("{% render 'broken' %}"));
        var render = Assert.Throws<LiquidRenderException>(() => Render("{% render 'failing' %}"));

        Assert.Equal("Partial 'broken', line 2, column 7: Expected a condition", parse.Message);
        Assert.Equal("failing", render.TemplateName);
        Assert.Equal((2, 10), (render.Line, render.Column));
        Assert.Equal("divided by 0", render.Reason);
    }

    [Fact]
    public void RequireAQuotedPartialName() =>
        Assert.Equal("Expected the partial name in quotes, as in render 'card' but found 'greeting'", TestLiquid.ParseError("{% render greeting %}").Reason);

    [Fact]
    public void StopRecursivePartials()
    {
        var error = Assert.Throws<LiquidLimitExceededException>(() => Render("{% render 'loop' %}", options: new LiquidOptions { MaxPartialDepth = 5 }));

        Assert.Equal(LiquidLimit.Depth, error.Limit);
        Assert.Equal("Partials are nested more than 5 levels deep", error.Reason);
    }
}
