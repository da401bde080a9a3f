using Microsoft.Extensions.DependencyInjection;
using Telemed.Liquid.Filters;

namespace Telemed.Liquid.Tests;

public class EngineShould
{
    private sealed record Link(string Host);

    [Fact]
    public void ReuseTheParsedTemplateForTheSameSource()
    {
        var engine = new LiquidEngine();

        Assert.Same(engine.Parse("{{ a }}"), engine.Parse("{{ a }}"));
        Assert.NotSame(engine.Parse("{{ a }}"), engine.Parse("{{ b }}"));
    }

    [Fact]
    public void BoundTheTemplateCache()
    {
        var engine = new LiquidEngine(new LiquidOptions { TemplateCacheSize = 20 });
        for (var i = 0; i < 100; i++)
        {
            engine.Parse($"template {i} {{{{ x }}}}");
        }

        Assert.InRange(engine.CachedTemplateCount, 1, 20);
    }

    [Fact]
    public void RenderOneTemplateFromManyThreads()
    {
        var engine = new LiquidEngine();
        var template = engine.Parse("{% for i in (1..n) %}{% cycle 'a', 'b' %}{{ i | times: k }}{% endfor %}{% increment c %}");

        Parallel.For(0, 200, k =>
        {
            var model = new LiquidObject { ["n"] = 3, ["k"] = k };
            Assert.Equal($"a{k}b{k * 2}a{k * 3}0", template.Render(model));
        });
    }

    [Fact]
    public void WriteToATextWriter()
    {
        var engine = new LiquidEngine();
        using var writer = new StringWriter();

        engine.Parse("Hi {{ name }}").Render(new LiquidObject { ["name"] = "<Ann>" }, writer, LiquidRenderSettings.Html);

        Assert.Equal("Hi &lt;Ann&gt;", writer.ToString());
    }

    [Fact]
    public void RefuseTemplatesOfAnotherEngine() =>
        Assert.Throws<ArgumentException>(() => new LiquidEngine().Render(new LiquidEngine().Parse("x"), LiquidValue.Nil));

    [Fact]
    public void RegisterTheEngineAndExtensionsInDependencyInjection()
    {
        var services = new ServiceCollection()
            .AddLiquid(options => options.ParseMode = LiquidParseMode.Strict)
            .AddLiquidFilter("shout", (input, args, _) => input.ToString().ToUpperInvariant() + new string('!', (int)args[0].ToInteger()))
            .AddLiquidMembers<Link>(members => members.Add("host", link => link.Host));
        services.AddSingleton<ILiquidTemplateStore>(new InMemoryLiquidTemplateStore().Add("sig", "-- {{ who }}"));
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<ILiquidEngine>();
        var output = engine.Render("{{ 'hi' | shout: 2 }} {{ link.host }} {% render 'sig', who: 'Ann' %}", new LiquidObject { ["link"] = LiquidValue.FromObject(new Link("clinic.example")) });

        Assert.Same(engine, provider.GetRequiredService<LiquidEngine>());
        Assert.Equal(LiquidParseMode.Strict, engine.Options.ParseMode);
        Assert.Equal("HI!! clinic.example -- Ann", output);
    }

    [Fact]
    public void PassNamedArgumentsToCustomFilters()
    {
        var options = new LiquidOptions();
        options.Filters.Add("greet", (input, args, _) => $"{args["greeting"]} {input}{args["punctuation"]}{args.Count}");

        Assert.Equal("Hello Ann!1", TestLiquid.Render("{{ 'Ann' | greet: 'unused', greeting: 'Hello', punctuation: '!' }}", options: options));
    }

    [Fact]
    public void RenderEmptyTemplates() => Assert.Equal(string.Empty, TestLiquid.Render(string.Empty));

    [Fact]
    public void ListTheStandardFilters()
    {
        var names = LiquidFilterRegistry.CreateDefault().Names.ToHashSet();

        foreach (var name in "append prepend capitalize downcase upcase strip lstrip rstrip strip_html strip_newlines newline_to_br escape escape_once url_encode url_decode replace replace_first replace_last remove remove_first remove_last slice split truncate truncatewords size join first last map where sort sort_natural uniq reverse compact concat plus minus times divided_by modulo abs ceil floor round at_least at_most default date local_time raw".Split(' '))
        {
            Assert.Contains(name, names);
        }
    }
}
