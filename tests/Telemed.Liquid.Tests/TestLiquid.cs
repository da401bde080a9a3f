namespace Telemed.Liquid.Tests;

/// <summary>Renders templates with fresh engines so tests do not share options or caches.</summary>
internal static class TestLiquid
{
    public static readonly DateTimeOffset FixedNow = new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);

    public static string Render(string template, LiquidObject? model = null, LiquidOptions? options = null, LiquidRenderSettings? settings = null)
    {
        var engine = new LiquidEngine(options ?? new LiquidOptions());
        return engine.Render(template, model ?? new LiquidObject(), settings ?? new LiquidRenderSettings { Clock = new FixedClock(FixedNow) });
    }

    public static string RenderStrict(string template, LiquidObject? model = null) =>
        Render(template, model, new LiquidOptions { ParseMode = LiquidParseMode.Strict });

    public static string RenderHtml(string template, LiquidObject? model = null, ILiquidTemplateStore? partials = null) =>
        Render(template, model, settings: new LiquidRenderSettings { HtmlEncode = true, TemplateStore = partials });

    public static LiquidParseException ParseError(string template, LiquidParseMode mode = LiquidParseMode.Strict) =>
        Assert.Throws<LiquidParseException>(() => new LiquidEngine(new LiquidOptions { ParseMode = mode }).Parse(template));

    public static LiquidRenderException RenderError(string template, LiquidObject? model = null, LiquidOptions? options = null) =>
        Assert.ThrowsAny<LiquidRenderException>(() => Render(template, model, options));

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
