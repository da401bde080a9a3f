namespace Telemed.Liquid.Tests;

public class LimitsShould
{
    private static LiquidLimitExceededException Exceed(string template, LiquidOptions options, LiquidObject? model = null) =>
        Assert.Throws<LiquidLimitExceededException>(() => TestLiquid.Render(template, model, options));

    [Fact]
    public void StopLoopsPastTheIterationLimit()
    {
        var error = Exceed("{% for a in (1..100) %}{% for b in (1..100) %}{% endfor %}{% endfor %}", new LiquidOptions { MaxLoopIterations = 5_000 });

        Assert.Equal(LiquidLimit.LoopIterations, error.Limit);
        Assert.Equal("Loops ran more than the limit of 5,000 iterations", error.Reason);
        Assert.Equal((1, 24), (error.Line, error.Column));
    }

    [Fact]
    public void CountIterationsAcrossTheWholeRender()
    {
        var options = new LiquidOptions { MaxLoopIterations = 10 };

        Assert.Equal("12345", TestLiquid.Render("{% for i in (1..5) %}{{ i }}{% endfor %}", options: options));
        Assert.Equal(LiquidLimit.LoopIterations, Exceed("{% for i in (1..6) %}{% endfor %}{% for i in (1..6) %}{% endfor %}", options).Limit);
    }

    [Fact]
    public void ChargeFiltersOverHugeRanges() =>
        Assert.Equal(LiquidLimit.LoopIterations, Exceed("{{ (1..1000000000) | join: ',' }}", new LiquidOptions { MaxLoopIterations = 1_000 }).Limit);

    [Fact]
    public void StopOutputPastTheLengthLimit()
    {
        var error = Exceed("{% for i in (1..100) %}0123456789{% endfor %}", new LiquidOptions { MaxOutputLength = 500 });

        Assert.Equal(LiquidLimit.OutputLength, error.Limit);
        Assert.Equal("The output is longer than the limit of 500 characters", error.Reason);
    }

    [Theory]
    [InlineData("{{ 'abcdefghij' | upcase }}")]
    [InlineData("{{ 'abcdefghij' | capitalize }}")]
    [InlineData("{{ 0 | date: '%Y-%m-%d %H:%M' }}")]
    public void StopFiltersWritingPastTheLengthLimit(string template) =>
        Assert.Equal(LiquidLimit.OutputLength, Exceed("12345" + template, new LiquidOptions { MaxOutputLength = 12 }).Limit);

    [Fact]
    public void StopStringsGrowingInsideAssignments()
    {
        const string template = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}";

        var error = Exceed(template, new LiquidOptions { MaxOutputLength = 10_000 });

        Assert.Equal(LiquidLimit.OutputLength, error.Limit);
        Assert.Equal("A value is longer than the limit of 10,000 characters", error.Reason);
    }

    [Fact]
    public void StopCapturesPastTheLengthLimit() =>
        Assert.Equal(LiquidLimit.OutputLength, Exceed("{% capture c %}{% for i in (1..100) %}0123456789{% endfor %}{% endcapture %}", new LiquidOptions { MaxOutputLength = 500 }).Limit);

    [Fact]
    public void StopRendersPastTheTimeLimit()
    {
        var options = new LiquidOptions { MaxRenderTime = TimeSpan.FromMilliseconds(50), MaxLoopIterations = int.MaxValue };
        const string template = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}";

        var error = Exceed(template, options);

        Assert.Equal(LiquidLimit.RenderTime, error.Limit);
        Assert.Equal("Rendering took longer than the limit of 0.05 seconds", error.Reason);
    }

    [Fact]
    public void StopWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var engine = new LiquidEngine(new LiquidOptions { MaxLoopIterations = int.MaxValue });

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Render("{% for a in (1..1000000) %}{% endfor %}", new LiquidObject(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void StopPartialsNestedTooDeeply()
    {
        var partials = new InMemoryLiquidTemplateStore().Add("a", "{% render 'b' %}").Add("b", "{% render 'a' %}");
        var engine = new LiquidEngine(new LiquidOptions { MaxPartialDepth = 3 }, partials);

        var error = Assert.Throws<LiquidLimitExceededException>(() => engine.Render("{% render 'a' %}", new LiquidObject()));

        Assert.Equal(LiquidLimit.Depth, error.Limit);
        Assert.Equal("Partials are nested more than 3 levels deep", error.Reason);
    }

    [Fact]
    public void UseSensibleDefaults()
    {
        var options = new LiquidOptions();

        Assert.Equal((100_000, 1_000_000, 10, 64, TimeSpan.FromSeconds(2)), (options.MaxLoopIterations, options.MaxOutputLength, options.MaxPartialDepth, options.MaxNestingDepth, options.MaxRenderTime));
    }
}
