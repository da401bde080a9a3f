namespace Telemed.Liquid.Tests;

/// <summary>
/// Arguments that must be integers (slice, truncate, truncatewords, loop limit and offset, tablerow
/// cols) are read as Ruby Liquid's <c>to_integer</c> does: integers and integer text only.
/// </summary>
public class IntegerArgumentsShould
{
    [Theory]
    [InlineData("{{ 'Liquid' | slice: 1.5 }}")]
    [InlineData("{{ 'Liquid' | slice: 2.0 }}")]
    [InlineData("{{ 'Liquid' | slice: 'x' }}")]
    [InlineData("{{ 'Liquid' | slice: '1.5' }}")]
    [InlineData("{{ 'Liquid' | slice: '' }}")]
    [InlineData("{{ 'Liquid' | slice: nil }}")]
    [InlineData("{{ 'Liquid' | slice: missing }}")]
    [InlineData("{{ 'Liquid' | slice: true }}")]
    [InlineData("{{ 'Liquid' | slice: list }}")]
    [InlineData("{{ 'Liquid' | slice: 1, 2.5 }}")]
    [InlineData("{{ 'Liquid' | slice: 1, 'two' }}")]
    [InlineData("{{ list | slice: 0.5 }}")]
    [InlineData("{{ 'Liquid' | slice: '08' }}")]
    [InlineData("{{ 'Liquid' | slice: '1__0' }}")]
    [InlineData("{{ 'Liquid' | slice: '_1' }}")]
    [InlineData("{{ 'Liquid' | truncate: 2.0 }}")]
    [InlineData("{{ 'Liquid' | truncate: nil }}")]
    [InlineData("{{ 'Liquid' | truncatewords: 'many' }}")]
    [InlineData("{% for i in list limit: 1.5 %}{{ i }}{% endfor %}")]
    [InlineData("{% for i in list offset: 'x' %}{{ i }}{% endfor %}")]
    [InlineData("{% tablerow i in list cols: 2.5 %}{{ i }}{% endtablerow %}")]
    public void RejectAnythingButAnInteger(string template) =>
        Assert.Equal("invalid integer", TestLiquid.RenderError(template, Model()).Reason);

    [Theory]
    [InlineData("{{ 'Liquid' | slice: '2' }}", "q")]
    [InlineData("{{ 'Liquid' | slice: ' 2 ' }}", "q")]
    [InlineData("{{ 'Liquid' | slice: '+2' }}", "q")]
    [InlineData("{{ 'Liquid' | slice: '-2' }}", "i")]
    [InlineData("{{ 'Liquid' | slice: '0x2' }}", "q")]
    [InlineData("{{ 'Liquid' | slice: '0b11' }}", "u")]
    [InlineData("{{ 'Liquid' | slice: '0o4', '1_0' }}", "id")]
    [InlineData("{{ 'Liquid' | slice: '04' }}", "i")]
    [InlineData("{{ 'Liquid' | slice: 0, '99999999999999999999999' }}", "Liquid")]
    [InlineData("{{ 'Liquid' | slice: '-99999999999999999999999' }}", "")]
    [InlineData("{{ 'Liquid' | slice: n }}", "q")]
    [InlineData("{{ 'Liquid' | truncate: '5' }}", "Li...")]
    [InlineData("{{ nil | truncate: nil }}", "")]
    [InlineData("{{ nil | truncatewords: 'x' }}", "")]
    [InlineData("{% for i in list limit: '1' %}{{ i }}{% endfor %}", "1")]
    [InlineData("{% for i in (1..2.9) %}{{ i }}{% endfor %}", "12")]
    [InlineData("{{ 1.256 | round: 2.9 }}", "1.26")]
    public void AcceptIntegersAndIntegerText(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model()));

    private static LiquidObject Model() => new() { ["list"] = LiquidValue.Array(1, 2), ["n"] = 2 };
}
