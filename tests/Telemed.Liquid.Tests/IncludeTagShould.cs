namespace Telemed.Liquid.Tests;

/// <summary>
/// <c>{% include %}</c> as in Ruby Liquid: the partial shares the caller's variables, with
/// <c>with</c>/<c>for</c>/<c>as</c> and <c>key: value</c> arguments, within the partial limits.
/// </summary>
public class IncludeTagShould
{
    private static readonly InMemoryLiquidTemplateStore Partials = new InMemoryLiquidTemplateStore()
        .Add("product", "[{{ product }}]")
        .Add("cards/item", "<{{ item }}>")
        .Add("greet", "Hi {{ name }}{{ extra }}")
        .Add("assigns", "{% assign leaked = 'yes' %}{% assign name = 'partial' %}")
        .Add("shadow", "{% assign product = 'assigned' %}{{ product }}")
        .Add("loop_state", "{{ item }}{{ forloop.index }}{% increment counter %}{% cycle 'a', 'b' %}")
        .Add("breaks", "{% if i == 2 %}{% break %}{% endif %}{{ i }}")
        .Add("nested", "({% include 'product' %})")
        .Add("renders", "{% render 'product', product: 'r' %}")
        .Add("includes", "{% include 'product' %}")
        .Add("self", "{% include 'self' %}")
        .Add("failing", "ok\n{{ 1 | divided_by: 0 }}")
        .Add("html", "{{ product }}");

    private static string Render(string template, LiquidObject? model = null, LiquidOptions? options = null, LiquidRenderSettings? settings = null) =>
        new LiquidEngine(options ?? new LiquidOptions(), Partials).Render(template, model ?? Model(), settings);

    private static LiquidObject Model() => new()
    {
        ["product"] = "P",
        ["list"] = LiquidValue.Array("a", "b"),
        ["hash"] = new LiquidObject { ["k"] = 1 },
        ["name"] = "model",
        ["template"] = "product",
    };

    [Theory]
    [InlineData("{% include 'product' %}", "[P]")]
    [InlineData("{% include \"product\" %}", "[P]")]
    [InlineData("{% include 'product' with 'x' %}", "[x]")]
    [InlineData("{% include 'product' with list %}", "[a][b]")]
    [InlineData("{% include 'product' for list %}", "[a][b]")]
    [InlineData("{% include 'product' with hash.k %}", "[1]")]
    [InlineData("{% include 'product' for hash %}", "[{\"k\"=>1}]")]
    [InlineData("{% include 'product' with (1..2) %}", "[1..2]")]
    [InlineData("{% include 'product' with missing %}", "[]")]
    [InlineData("{% include 'cards/item' with 'z' %}", "<z>")]
    [InlineData("{% include 'product' with 'y' as item %}", "[P]")]
    [InlineData("{% include 'cards/item' with 'y' as item %}", "<y>")]
    [InlineData("{% include 'cards/item' for list as item %}", "<a><b>")]
    [InlineData("{% include 'greet', name: 'Ann', extra: '!' %}", "Hi Ann!")]
    [InlineData("{% include 'greet' name: 'Ann' extra: '!' %}", "Hi Ann!")]
    [InlineData("{% include 'greet', name: 'Ann', extra: name %}", "Hi AnnAnn")]
    [InlineData("{% include 'greet' %}", "Hi model")]
    [InlineData("{% include 'greet', name: 'Ann' %}{{ name }}", "Hi Annmodel")]
    [InlineData("{% include template %}", "[P]")]
    [InlineData("{% include template with 'dynamic' %}", "[dynamic]")]
    [InlineData("{% include 'nested' with 'n' %}", "([P])")]
    [InlineData("{% include 'nested' with 'n' as product %}", "([n])")]
    [InlineData("{% include 'renders' %}", "[r]")]
    [InlineData("{% liquid\n  for product in list\n    include 'product'\n  endfor\n%}", "[a][b]")]
    public void RenderThePartialWithItsArguments(string template, string expected)
    {
        Assert.Equal(expected, Render(template));
        Assert.Equal(expected, Render(template, options: new LiquidOptions { ParseMode = LiquidParseMode.Strict }));
    }

    [Theory]
    [InlineData("{% include 'assigns' %}{{ leaked }}|{{ name }}", "yes|partial")]
    [InlineData("{{ name }}{% include 'assigns' %}{{ name }}", "modelpartial")]
    [InlineData("{% for name in list %}{% include 'assigns' %}{{ name }}{% endfor %}{{ name }}", "abpartial")]
    [InlineData("{% assign name = 'caller' %}{% include 'greet' %}", "Hi caller")]
    [InlineData("{% include 'shadow' with 'given' as product %}|{{ product }}", "given|assigned")]
    [InlineData("{% for item in list %}{% include 'loop_state' %}{% endfor %}|{% increment counter %}{% cycle 'a', 'b' %}", "a10ab21b|2a")]
    [InlineData("{% for i in (1..3) %}{% include 'breaks' %}{% endfor %}", "1")]
    [InlineData("{% capture c %}{% include 'product' %}{% endcapture %}{{ c | size }}", "3")]
    public void ShareTheCallersScope(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void FindCallerVariablesWhenStrict()
    {
        var options = new LiquidOptions { StrictVariables = true };

        Assert.Equal("<a><b>", Render("{% for item in list %}{% include 'cards/item' %}{% endfor %}", options: options));
    }

    [Fact]
    public void EncodeOutputInHtmlMode() =>
        Assert.Equal("&lt;b&gt;", Render("{% include 'html' with '<b>' as product %}", settings: LiquidRenderSettings.Html));

    [Fact]
    public void UseThePartialsOfTheRender()
    {
        var settings = new LiquidRenderSettings { TemplateStore = new InMemoryLiquidTemplateStore().Add("product", "tenant {{ product }}") };

        Assert.Equal("tenant P", Render("{% include 'product' %}", settings: settings));
    }

    [Theory]
    [InlineData("\n{% include 'nope' %}", 2, "Partial 'nope' was not found")]
    [InlineData("{% include missing %}", 1, "'include' needs the partial's name as text")]
    [InlineData("{% include 1 %}", 1, "'include' needs the partial's name as text")]
    [InlineData("{% render 'includes' %}", 1, "'include' cannot be used in a partial rendered with 'render'")]
    public void ReportWhatCannotBeIncluded(string template, int line, string reason)
    {
        var error = Assert.ThrowsAny<LiquidRenderException>(() => Render(template));

        Assert.Equal((line, reason), (error.Line, error.Reason));
    }

    [Fact]
    public void PointErrorsIntoThePartial()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("x\n{% include 'failing' %}"));

        Assert.Equal(("failing", 2, 8, "divided by 0"), (error.TemplateName, error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void NameThePartialInInlineErrors() =>
        Assert.Equal("ok\nLiquid error (failing line 2): divided by 0|", Render("{% include 'failing' %}|", settings: new LiquidRenderSettings { InlineErrors = true }));

    [Fact]
    public void StopRecursiveIncludes()
    {
        var error = Assert.Throws<LiquidLimitExceededException>(() => Render("{% include 'self' %}", options: new LiquidOptions { MaxPartialDepth = 4 }));

        Assert.Equal((LiquidLimit.Depth, "Partials are nested more than 4 levels deep"), (error.Limit, error.Reason));
    }

    [Fact]
    public void ChargeEachItemToTheLoopLimit()
    {
        var model = Model();
        model["many"] = LiquidValue.Array([.. Enumerable.Range(0, 50).Select(i => LiquidValue.Create(i))]);

        var error = Assert.Throws<LiquidLimitExceededException>(() => Render("{% include 'product' for many %}", model, new LiquidOptions { MaxLoopIterations = 20 }));

        Assert.Equal(LiquidLimit.LoopIterations, error.Limit);
    }

    [Theory]
    [InlineData("{% include %}", "Expected the partial name, as in include 'card'")]
    [InlineData("{% include 'product' with %}", "Expected a value but found the end of the tag")]
    [InlineData("{% include 'product' as %}", "Expected a name after 'as' but found the end of the tag")]
    [InlineData("{% include 'product' junk %}", "Unexpected 'junk'")]
    public void RefuseBadMarkupInStrictMode(string template, string reason) =>
        Assert.Equal(reason, TestLiquid.ParseError(template).Reason);

    [Fact]
    public void ForgiveStrayWordsInLaxMode() =>
        Assert.Equal("[P]", Render("{% include 'product' junk %}"));
}
