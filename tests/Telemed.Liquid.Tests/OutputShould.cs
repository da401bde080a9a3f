namespace Telemed.Liquid.Tests;

public class OutputShould
{
    [Theory]
    [InlineData("Hello {{ name }}!", "Hello Ann!")]
    [InlineData("{{ 'text' }}", "text")]
    [InlineData("{{ \"double\" }}", "double")]
    [InlineData("{{ 42 }}", "42")]
    [InlineData("{{ -7 }}", "-7")]
    [InlineData("{{ 1.5 }}", "1.5")]
    [InlineData("{{ 2.0 }}", "2.0")]
    [InlineData("{{ true }}|{{ false }}", "true|false")]
    [InlineData("{{ nil }}{{ null }}{{ empty }}{{ blank }}", "")]
    [InlineData("{{ missing }}", "")]
    [InlineData("{{ missing.deeper.still }}", "")]
    [InlineData("{{}}", "")]
    [InlineData("{{ }}", "")]
    [InlineData("{{ (1..3) }}", "1..3")]
    [InlineData("{{ list }}", "abc")]
    public void RenderLiterals(string template, string expected)
    {
        var model = new LiquidObject { ["name"] = "Ann", ["list"] = LiquidValue.Array("a", "b", "c") };
        Assert.Equal(expected, TestLiquid.Render(template, model));
    }

    [Theory]
    [InlineData("{{ patient.name }}", "Ann")]
    [InlineData("{{ patient['name'] }}", "Ann")]
    [InlineData("{{ patient[\"name\"] }}", "Ann")]
    [InlineData("{{ patient[key] }}", "Ann")]
    [InlineData("{{ [root] }}", "Ann")]
    [InlineData("{{ patient.tags[0] }}", "new")]
    [InlineData("{{ patient.tags[-1] }}", "vip")]
    [InlineData("{{ patient.tags[5] }}", "")]
    [InlineData("{{ patient.tags.first }}-{{ patient.tags.last }}-{{ patient.tags.size }}", "new-vip-2")]
    [InlineData("{{ patient.name.size }}", "3")]
    [InlineData("{{ patient.size }}", "2")]
    [InlineData("{{ patient.tags['size'] }}", "")]
    [InlineData("{{ patient.name.first }}", "")]
    public void ReadVariablesWithDotsAndBrackets(string template, string expected)
    {
        var model = new LiquidObject
        {
            ["patient"] = new LiquidObject { ["name"] = "Ann", ["tags"] = LiquidValue.Array("new", "vip") },
            ["key"] = "name",
            ["root"] = "who",
            ["who"] = "Ann",
        };

        Assert.Equal(expected, TestLiquid.Render(template, model));
    }

    [Fact]
    public void PreferHashKeyNamedSizeOverCount()
    {
        var model = new LiquidObject { ["box"] = new LiquidObject { ["size"] = "large" } };

        Assert.Equal("large", TestLiquid.Render("{{ box.size }}", model));
    }

    [Theory]
    [InlineData("{{ 0.1 }}", "0.1")]
    [InlineData("{{ 10000000000000000.0 }}", "1.0e+16")]
    [InlineData("{{ 0.00001 }}", "1.0e-05")]
    [InlineData("{{ 123456.789 }}", "123456.789")]
    public void FormatFloatsAsRuby(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Fact]
    public void RenderHashLikeRuby()
    {
        var model = new LiquidObject { ["h"] = new LiquidObject { ["a"] = 1, ["b"] = "x" } };

        Assert.Equal("{\"a\"=>1, \"b\"=>\"x\"}", TestLiquid.Render("{{ h }}", model));
    }

    [Fact]
    public void RenderNestedArraysFlattened()
    {
        var model = new LiquidObject { ["n"] = LiquidValue.Array(1, LiquidValue.Array(2, 3)) };

        Assert.Equal("123", TestLiquid.Render("{{ n }}", model));
    }

    [Fact]
    public void KeepTextAroundTagsUnchanged()
    {
        const string template = "Line one\n  {% if true %}yes{% endif %}\n\tend";

        Assert.Equal("Line one\n  yes\n\tend", TestLiquid.Render(template));
    }

    [Fact]
    public void KeepSingleBracesAsText() =>
        Assert.Equal("{ a } {x} %}", TestLiquid.Render("{ a } {x} %}"));
}
