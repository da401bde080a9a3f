namespace Telemed.Liquid.Tests;

/// <summary><c>contains</c> as Ruby Liquid's: nil, false or an undefined value on either side is never contained or containing.</summary>
public class ContainsShould
{
    private static readonly LiquidObject Model = new()
    {
        ["text"] = "hello false nil 12",
        ["items"] = LiquidValue.Array(1, "two", LiquidValue.Nil, false, 3.0),
        ["hash"] = new LiquidObject { ["key"] = 1, ["false"] = 2 },
        ["none"] = LiquidValue.Nil,
        ["no"] = false,
        ["number"] = 12,
    };

    [Theory]
    [InlineData("text contains 'hello'", true)]
    [InlineData("text contains 12", true)]
    [InlineData("text contains number", true)]
    [InlineData("text contains ''", true)]
    [InlineData("text contains nil", false)]
    [InlineData("text contains none", false)]
    [InlineData("text contains missing", false)]
    [InlineData("text contains false", false)]
    [InlineData("text contains no", false)]
    [InlineData("items contains 1", true)]
    [InlineData("items contains 1.0", true)]
    [InlineData("items contains 3", true)]
    [InlineData("items contains 'two'", true)]
    [InlineData("items contains '1'", false)]
    [InlineData("items contains nil", false)]
    [InlineData("items contains none", false)]
    [InlineData("items contains missing", false)]
    [InlineData("items contains false", false)]
    [InlineData("items contains empty", false)]
    [InlineData("hash contains 'key'", true)]
    [InlineData("hash contains 'false'", true)]
    [InlineData("hash contains false", false)]
    [InlineData("hash contains nil", false)]
    [InlineData("hash contains 1", false)]
    [InlineData("nil contains 'a'", false)]
    [InlineData("none contains 'a'", false)]
    [InlineData("missing contains 'a'", false)]
    [InlineData("false contains 'false'", false)]
    [InlineData("no contains 'a'", false)]
    [InlineData("missing contains missing", false)]
    [InlineData("number contains 1", false)]
    [InlineData("(1..3) contains 2", true)]
    public void TreatNilFalseAndUndefinedAsNeverContained(string condition, bool expected) =>
        Assert.Equal(expected ? "y" : "n", TestLiquid.Render($"{{% if {condition} %}}y{{% else %}}n{{% endif %}}", Model));

    [Fact]
    public void StillRejectUndefinedVariablesWhenStrict() =>
        Assert.Equal(
            "Undefined variable 'missing'",
            TestLiquid.RenderError("{% if missing contains 'a' %}{% endif %}", Model, new LiquidOptions { StrictVariables = true }).Reason);
}
