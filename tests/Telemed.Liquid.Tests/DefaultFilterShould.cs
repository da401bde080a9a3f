namespace Telemed.Liquid.Tests;

public class DefaultFilterShould
{
    [Theory]
    [InlineData("{{ missing | default: 'x' }}", "x")]
    [InlineData("{{ nil | default: 'x' }}", "x")]
    [InlineData("{{ false | default: 'x' }}", "x")]
    [InlineData("{{ '' | default: 'x' }}", "x")]
    [InlineData("{{ empty_list | default: 'x' }}", "x")]
    [InlineData("{{ ' ' | default: 'x' }}", " ")]
    [InlineData("{{ 0 | default: 'x' }}", "0")]
    [InlineData("{{ 'set' | default: 'x' }}", "set")]
    [InlineData("{{ false | default: 'x', allow_false: true }}", "false")]
    [InlineData("{{ nil | default: 'x', allow_false: true }}", "x")]
    [InlineData("{{ missing | default }}", "")]
    public void FallBackForNilFalseAndEmpty(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["empty_list"] = LiquidValue.Array() }));
}
