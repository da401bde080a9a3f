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

    [Fact]
    public void RefuseToSortIncompatibleValues() =>
        Assert.Equal("Cannot compare 'a' with 1", TestLiquid.RenderError("{{ list | sort }}", new LiquidObject { ["list"] = LiquidValue.Array("a", 1) }).Reason);
}
