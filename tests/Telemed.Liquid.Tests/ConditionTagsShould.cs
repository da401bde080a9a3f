namespace Telemed.Liquid.Tests;

public class ConditionTagsShould
{
    private static readonly LiquidObject Model = new()
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["text"] = "hello world",
        ["blank_text"] = "   ",
        ["empty_text"] = "",
        ["items"] = LiquidValue.Array("a", "b"),
        ["no_items"] = LiquidValue.Array(),
        ["flag"] = false,
        ["hash"] = new LiquidObject { ["key"] = 1 },
    };

    [Theory]
    [InlineData("{% if zero %}y{% endif %}", "y")]
    [InlineData("{% if empty_text %}y{% endif %}", "y")]
    [InlineData("{% if no_items %}y{% endif %}", "y")]
    [InlineData("{% if flag %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if missing %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if nil %}y{% else %}n{% endif %}", "n")]
    public void TreatOnlyFalseAndNilAsFalsy(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{% if one == 1 %}y{% endif %}", "y")]
    [InlineData("{% if one == 1.0 %}y{% endif %}", "y")]
    [InlineData("{% if one != 2 %}y{% endif %}", "y")]
    [InlineData("{% if one <> 2 %}y{% endif %}", "y")]
    [InlineData("{% if one < 2 and one <= 1 and one > 0 and one >= 1 %}y{% endif %}", "y")]
    [InlineData("{% if 'b' > 'a' %}y{% endif %}", "y")]
    [InlineData("{% if one == '1' %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if missing < 5 %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if text contains 'world' %}y{% endif %}", "y")]
    [InlineData("{% if items contains 'b' %}y{% endif %}", "y")]
    [InlineData("{% if items contains 'z' %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if hash contains 'key' %}y{% endif %}", "y")]
    [InlineData("{% if missing contains 'x' %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if items == items %}y{% endif %}", "y")]
    [InlineData("{% if nil == missing %}y{% endif %}", "y")]
    public void CompareValues(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{% if empty_text == empty %}y{% endif %}", "y")]
    [InlineData("{% if no_items == empty %}y{% endif %}", "y")]
    [InlineData("{% if items == empty %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if missing == empty %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if blank_text == blank %}y{% endif %}", "y")]
    [InlineData("{% if missing == blank %}y{% endif %}", "y")]
    [InlineData("{% if flag == blank %}y{% endif %}", "y")]
    [InlineData("{% if text == blank %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if empty %}y{% endif %}", "y")]
    public void CompareWithEmptyAndBlank(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{% if true or false and false %}y{% else %}n{% endif %}", "y")]
    [InlineData("{% if false and false or true %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if true and false or true %}y{% else %}n{% endif %}", "y")]
    [InlineData("{% if false or true and false %}y{% else %}n{% endif %}", "n")]
    public void EvaluateAndOrRightToLeft(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(5, "other")]
    public void ChooseTheFirstMatchingBranch(int value, string expected)
    {
        const string template = "{% if n == 0 %}zero{% elsif n == 1 %}one{% else %}other{% endif %}";

        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["n"] = value }));
    }

    [Theory]
    [InlineData("{% unless flag %}y{% endunless %}", "y")]
    [InlineData("{% unless one == 1 %}y{% else %}n{% endunless %}", "n")]
    [InlineData("{% unless one == 1 %}a{% elsif one == 1 %}b{% endunless %}", "b")]
    public void RenderUnlessAsNegatedIf(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("a", "A")]
    [InlineData("b", "BC")]
    [InlineData("c", "BC")]
    [InlineData("d", "D")]
    [InlineData("z", "none")]
    public void MatchCaseWhenWithCommasAndOr(string value, string expected)
    {
        const string template = "{% case v %} ignored {% when 'a' %}A{% when 'b', 'c' %}BC{% when 'd' or 'e' %}D{% else %}none{% endcase %}";

        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["v"] = value }));
    }

    [Fact]
    public void RenderEveryMatchingWhenAsRuby() =>
        Assert.Equal("12", TestLiquid.Render("{% case 1 %}{% when 1 %}1{% when 1.0 %}2{% else %}x{% endcase %}"));

    [Fact]
    public void RenderElseOfCaseWithNoWhen() =>
        Assert.Equal("e", TestLiquid.Render("{% case 1 %}{% else %}e{% endcase %}"));

    [Fact]
    public void RaiseRenderErrorComparingTextWithNumber()
    {
        var error = TestLiquid.RenderError("\n{% if 'a' < 1 %}y{% endif %}");

        Assert.Equal(2, error.Line);
        Assert.Contains("Cannot compare 'a' with 1", error.Message);
    }
}
