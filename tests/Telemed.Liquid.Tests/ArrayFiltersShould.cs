namespace Telemed.Liquid.Tests;

public class ArrayFiltersShould
{
    private static readonly LiquidObject Model = new()
    {
        ["numbers"] = LiquidValue.Array(3, 1, 2),
        ["words"] = LiquidValue.Array("banana", "Apple", "cherry", "apple"),
        ["mixed"] = LiquidValue.Array(1, LiquidValue.Nil, 2, LiquidValue.Nil),
        ["nested"] = LiquidValue.Array(LiquidValue.Array(1, 2), LiquidValue.Array(3)),
        ["people"] = LiquidValue.Array(
            new LiquidObject { ["name"] = "Cy", ["age"] = 30, ["active"] = true },
            new LiquidObject { ["name"] = "Al", ["age"] = 25, ["active"] = false },
            new LiquidObject { ["name"] = "Bo", ["active"] = true }),
        ["none"] = LiquidValue.Array(),
        ["codes"] = LiquidValue.Array(
            new LiquidObject { ["code"] = 1 },
            new LiquidObject { ["code"] = "2" },
            new LiquidObject { ["code"] = 3.0 }),
        ["teams"] = LiquidValue.Array(
            LiquidValue.Array(new LiquidObject { ["name"] = "Cy" }),
            LiquidValue.Array(new LiquidObject { ["name"] = "Al" }, new LiquidObject { ["name"] = "Bo" })),
    };

    [Theory]
    [InlineData("{{ numbers | join }}", "3 1 2")]
    [InlineData("{{ numbers | join: ', ' }}", "3, 1, 2")]
    [InlineData("{{ nested | join: ',' }}", "1,2,3")]
    [InlineData("{{ 'solo' | join: ',' }}", "solo")]
    [InlineData("{{ nil | join: ',' }}", "")]
    [InlineData("{{ numbers | first }}|{{ numbers | last }}", "3|2")]
    [InlineData("{{ 'text' | first }}|{{ nil | last }}", "|")]
    [InlineData("{{ people | map: 'name' | join: ',' }}", "Cy,Al,Bo")]
    [InlineData("{{ people | map: 'age' | join: ',' }}", "30,25,")]
    [InlineData("{{ people | where: 'active' | map: 'name' | join: ',' }}", "Cy,Bo")]
    [InlineData("{{ people | where: 'age', 25 | map: 'name' | join: ',' }}", "Al")]
    [InlineData("{{ people | where: 'name', 'nobody' | size }}", "0")]
    [InlineData("{{ people | reject: 'active' | map: 'name' | join: ',' }}", "Al")]
    [InlineData("{{ people | reject: 'age', 25 | map: 'name' | join: ',' }}", "Cy,Bo")]
    [InlineData("{{ people | reject: 'age', nil | map: 'name' | join: ',' }}", "Bo")]
    [InlineData("{{ people | reject: 'name', 'nobody' | size }}", "3")]
    [InlineData("{{ nil | reject: 'active' | size }}|{{ none | reject: 'active' | size }}", "0|0")]
    [InlineData("{{ codes | reject: 'code', 1 | map: 'code' | join: ',' }}", "2,3.0")]
    [InlineData("{% assign p = people | find: 'name', 'Al' %}{{ p.age }}", "25")]
    [InlineData("{% assign p = people | find: 'active' %}{{ p.name }}", "Cy")]
    [InlineData("{% assign p = people | find: 'active', false %}{{ p.name }}", "Al")]
    [InlineData("{% assign p = teams | find: 'name', 'Bo' %}{{ p.name }}", "Bo")]
    [InlineData("{% assign p = people.first | find: 'name', 'Cy' %}{{ p.age }}", "30")]
    [InlineData("{{ people | find: 'name', 'nobody' | default: 'nil' }}", "nil")]
    [InlineData("{{ people | find: 'missing' | default: 'nil' }}", "nil")]
    [InlineData("{{ nil | find: 'name', 'Al' | default: 'nil' }}|{{ none | find: 'name' | default: 'nil' }}", "nil|nil")]
    [InlineData("{{ people | find_index: 'name', 'Bo' }}|{{ people | find_index: 'age', 25 }}", "2|1")]
    [InlineData("{{ people | find_index: 'active' }}|{{ people | find_index: 'active', false }}", "0|1")]
    [InlineData("{{ teams | find_index: 'name', 'Bo' }}", "2")]
    [InlineData("{{ people | find_index: 'name', 'nobody' | default: 'nil' }}", "nil")]
    [InlineData("{{ nil | find_index: 'name' | default: 'nil' }}|{{ none | find_index: 'name' | default: 'nil' }}", "nil|nil")]
    [InlineData("{{ codes | find_index: 'code', 1.0 }}|{{ codes | find_index: 'code', '2' }}|{{ codes | find_index: 'code', 3 }}", "0|1|2")]
    [InlineData("{{ codes | find_index: 'code', '1' | default: 'nil' }}|{{ codes | find_index: 'code', 2 | default: 'nil' }}", "nil|nil")]
    [InlineData("{{ people | has: 'name', 'Al' }}|{{ people | has: 'name', 'nobody' }}", "true|false")]
    [InlineData("{{ people | has: 'age' }}|{{ people | has: 'missing' }}", "true|false")]
    [InlineData("{{ people | has: 'active', false }}|{{ people | has: 'age', '25' }}", "true|false")]
    [InlineData("{{ nil | has: 'name' }}|{{ none | has: 'name' }}|{{ people.first | has: 'name', 'Cy' }}", "false|false|true")]
    [InlineData("{% if people | has: 'name', 'Bo' %}yes{% endif %}", "yes")]
    [InlineData("{{ numbers | sort | join: ',' }}", "1,2,3")]
    [InlineData("{{ words | sort | join: ',' }}", "Apple,apple,banana,cherry")]
    [InlineData("{{ words | sort_natural | join: ',' }}", "Apple,apple,banana,cherry")]
    [InlineData("{{ mixed | sort | join: ',' }}", "1,2,,")]
    [InlineData("{{ people | sort: 'age' | map: 'name' | join: ',' }}", "Al,Cy,Bo")]
    [InlineData("{{ people | sort_natural: 'name' | map: 'name' | join: ',' }}", "Al,Bo,Cy")]
    [InlineData("{{ 'a,b,a,c,b' | split: ',' | uniq | join: ',' }}", "a,b,c")]
    [InlineData("{{ people | uniq: 'active' | map: 'name' | join: ',' }}", "Cy,Al")]
    [InlineData("{{ numbers | reverse | join: ',' }}", "2,1,3")]
    [InlineData("{{ mixed | compact | join: ',' }}", "1,2")]
    [InlineData("{{ people | compact: 'age' | map: 'name' | join: ',' }}", "Cy,Al")]
    [InlineData("{{ numbers | concat: nested | join: ',' }}", "3,1,2,1,2,3")]
    [InlineData("{{ numbers | sum }}|{{ people | sum: 'age' }}", "6|55")]
    [InlineData("{{ (1..4) | reverse | join: ',' }}", "4,3,2,1")]
    public void TransformArrays(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void RequireAnArrayForConcat() =>
        Assert.Equal("concat filter requires an array argument", TestLiquid.RenderError("{{ numbers | concat: 1 }}", Model).Reason);

    [Theory]
    [InlineData("{{ (1..1000000000) | find: 'x' }}")]
    [InlineData("{{ (1..1000000000) | has: 'x' }}")]
    [InlineData("{{ (1..1000000000) | reject: 'x' | size }}")]
    public void ChargeSearchesToTheLoopLimit(string template) =>
        Assert.Equal(
            LiquidLimit.LoopIterations,
            Assert.Throws<LiquidLimitExceededException>(() => TestLiquid.Render(template, Model, new LiquidOptions { MaxLoopIterations = 1_000 })).Limit);

    [Fact]
    public void RefuseToSortIncompatibleValues() =>
        Assert.Equal("Cannot compare 'a' with 1", TestLiquid.RenderError("{{ list | sort }}", new LiquidObject { ["list"] = LiquidValue.Array("a", 1) }).Reason);
}
