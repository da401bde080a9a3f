namespace Telemed.Liquid.Tests;

/// <summary>
/// map, where, reject, find, find_index and has read <c>item[property]</c> as Ruby Liquid does, with
/// Shopify's defaults: no value means "truthy", nothing found is nil (false for has), and items
/// that cannot be read by name are errors or make the result nil.
/// </summary>
public class PropertyFiltersShould
{
    private static readonly LiquidObject Model = new()
    {
        ["people"] = LiquidValue.Array(
            new LiquidObject { ["name"] = "Al", ["active"] = true, ["age"] = 30, ["tags"] = LiquidValue.Array() },
            new LiquidObject { ["name"] = "Bo", ["active"] = false, ["age"] = 30.0 },
            new LiquidObject { ["name"] = "Cy", ["active"] = LiquidValue.Nil, ["age"] = "30" }),
        ["numbers"] = LiquidValue.Array(1, 2),
        ["words"] = LiquidValue.Array("apple", "banana"),
        ["with_nil"] = LiquidValue.Array(new LiquidObject { ["name"] = "Al" }, LiquidValue.Nil),
        ["nil_first"] = LiquidValue.Array(LiquidValue.Nil, new LiquidObject { ["name"] = "Al" }),
        ["flags"] = LiquidValue.Array(true, false),
        ["floats"] = LiquidValue.Array(1.5),
        ["person"] = new LiquidObject { ["name"] = "Al", ["active"] = true },
        ["none"] = LiquidValue.Array(),
    };

    [Theory]
    [InlineData("{{ people | has: 'active' }}", "true")]
    [InlineData("{{ people | has: 'tags' }}", "true")]
    [InlineData("{{ people | has: 'missing' }}", "false")]
    [InlineData("{{ people | has: 'active', false }}", "true")]
    [InlineData("{{ people | has: 'active', nil }}", "true")]
    [InlineData("{{ people | has: 'name', 'Zed' }}", "false")]
    [InlineData("{{ people | has: 'age', 30 }}", "true")]
    [InlineData("{{ none | has: 'name' }}", "false")]
    [InlineData("{{ nil | has: 'name' }}", "false")]
    [InlineData("{{ person | has: 'name', 'Al' }}", "true")]
    [InlineData("{{ people | find: 'name', 'Bo' | map: 'name' }}", "Bo")]
    [InlineData("{{ people | find: 'active' | map: 'name' }}", "Al")]
    [InlineData("{{ people | find: 'active', false | map: 'name' }}", "Bo")]
    [InlineData("{% assign p = people | find: 'name', 'Zed' %}{% if p == nil %}nil{% endif %}", "nil")]
    [InlineData("{% assign p = none | find: 'name' %}{% if p == nil %}nil{% endif %}", "nil")]
    [InlineData("{{ people | find_index: 'name', 'Cy' }}", "2")]
    [InlineData("{{ people | find_index: 'age', 30.0 }}", "0")]
    [InlineData("{{ people | find_index: 'age', '30' }}", "2")]
    [InlineData("{% assign i = people | find_index: 'name', 'Zed' %}{% if i == nil %}nil{% endif %}", "nil")]
    [InlineData("{% assign i = none | find_index: 'name' %}{% if i == nil %}nil{% endif %}", "nil")]
    [InlineData("{{ people | reject: 'active' | map: 'name' | join: ',' }}", "Bo,Cy")]
    [InlineData("{{ people | reject: 'active', false | map: 'name' | join: ',' }}", "Al,Cy")]
    [InlineData("{{ people | reject: 'age', 30 | map: 'name' | join: ',' }}", "Cy")]
    [InlineData("{{ people | where: 'active' | map: 'name' | join: ',' }}", "Al")]
    [InlineData("{{ people | where: 'tags', empty | size }}", "0")]
    [InlineData("{{ people | where: 'age', 30 | map: 'name' | join: ',' }}", "Al,Bo")]
    [InlineData("{{ none | where: 'age' | size }}", "0")]
    [InlineData("{{ nil | reject: 'age' | size }}", "0")]
    [InlineData("{{ words | where: 'an' | join: ',' }}", "banana")]
    [InlineData("{{ words | map: 'ppl' | join: ',' }}", "ppl,")]
    [InlineData("{{ 'text' | map: 'ex' | join: ',' }}", "ex")]
    [InlineData("{{ person | map: 'name' | join: ',' }}", "Al")]
    [InlineData("{{ with_nil | map: 'name' | join: ',' }}", "Al,")]
    [InlineData("{{ flags | map: 'name' | size }}", "2")]
    [InlineData("{{ floats | map: 'x' | size }}", "1")]
    [InlineData("{{ numbers | map: 'to_liquid' | join: ',' }}", "1,2")]
    [InlineData("{% assign r = with_nil | where: 'name' %}{% if r == nil %}nil{% endif %}", "nil")]
    [InlineData("{% assign r = flags | reject: 'name' %}{% if r == nil %}nil{% endif %}", "nil")]
    [InlineData("{% assign r = nil_first | has: 'name' %}{% if r == nil %}nil{% endif %}", "nil")]
    [InlineData("{% assign r = nil_first | find: 'name' %}{% if r == nil %}nil{% endif %}", "nil")]
    [InlineData("{{ with_nil | has: 'name' }}", "true")]
    [InlineData("{{ with_nil | find_index: 'name' }}", "0")]
    public void FollowShopifysPropertyRules(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{{ numbers | map: 'name' }}", "cannot select the property 'name'")]
    [InlineData("{{ 5 | map: 'name' }}", "cannot select the property 'name'")]
    [InlineData("{{ numbers | where: 'name' }}", "cannot select the property 'name'")]
    [InlineData("{{ numbers | where: 'name', 1 }}", "cannot select the property 'name'")]
    [InlineData("{{ numbers | reject: 'x' }}", "cannot select the property 'x'")]
    [InlineData("{{ numbers | find: 'x' }}", "cannot select the property 'x'")]
    [InlineData("{{ numbers | find_index: 'x', 1 }}", "cannot select the property 'x'")]
    [InlineData("{{ numbers | has: 'x' }}", "cannot select the property 'x'")]
    public void RefuseToReadPropertiesOfNumbers(string template, string reason) =>
        Assert.Equal(reason, TestLiquid.RenderError(template, Model).Reason);
}
