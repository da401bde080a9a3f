namespace Telemed.Liquid.Tests;

public class TableRowTagShould
{
    private static readonly LiquidObject Model = new()
    {
        ["numbers"] = LiquidValue.Array(1, 2, 3, 4, 5, 6),
        ["more"] = LiquidValue.Array(0, 1, 2, 3, 4, 5, 6, 7),
        ["none"] = LiquidValue.Array(),
        ["blank"] = string.Empty,
        ["shop"] = new LiquidObject { ["products"] = LiquidValue.Array("a", "b", "c") },
    };

    [Theory]
    [InlineData(
        "{% tablerow n in numbers cols:3%} {{n}} {% endtablerow %}",
        "<tr class=\"row1\">\n<td class=\"col1\"> 1 </td><td class=\"col2\"> 2 </td><td class=\"col3\"> 3 </td></tr>\n<tr class=\"row2\"><td class=\"col1\"> 4 </td><td class=\"col2\"> 5 </td><td class=\"col3\"> 6 </td></tr>\n")]
    [InlineData(
        "{% tablerow n in numbers cols:5%} {{n}} {% endtablerow %}",
        "<tr class=\"row1\">\n<td class=\"col1\"> 1 </td><td class=\"col2\"> 2 </td><td class=\"col3\"> 3 </td><td class=\"col4\"> 4 </td><td class=\"col5\"> 5 </td></tr>\n<tr class=\"row2\"><td class=\"col1\"> 6 </td></tr>\n")]
    [InlineData(
        "{% tablerow n in more cols:3 offset:1 limit:6%} {{n}} {% endtablerow %}",
        "<tr class=\"row1\">\n<td class=\"col1\"> 1 </td><td class=\"col2\"> 2 </td><td class=\"col3\"> 3 </td></tr>\n<tr class=\"row2\"><td class=\"col1\"> 4 </td><td class=\"col2\"> 5 </td><td class=\"col3\"> 6 </td></tr>\n")]
    [InlineData(
        "{% tablerow p in shop.products %}{{ p }}{% endtablerow %}",
        "<tr class=\"row1\">\n<td class=\"col1\">a</td><td class=\"col2\">b</td><td class=\"col3\">c</td></tr>\n")]
    [InlineData(
        "{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}",
        "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n")]
    public void LayOutCellsInRowsAsShopifyDoes(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{% tablerow n in none cols:3 %}x{% endtablerow %}", "<tr class=\"row1\">\n</tr>\n")]
    [InlineData("{% tablerow c in blank cols:3 %}x{% endtablerow %}", "<tr class=\"row1\">\n</tr>\n")]
    [InlineData("{% tablerow n in missing %}x{% endtablerow %}", "")]
    [InlineData("{% tablerow n in numbers limit: 0 %}x{% endtablerow %}", "<tr class=\"row1\">\n</tr>\n")]
    public void WriteAnEmptyRowForAnEmptyCollectionAndNothingForNil(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void ExposeTheTableRowLoop()
    {
        const string template =
            "{% tablerow n in numbers cols:2 limit:4 %}{{ tablerowloop.index }}/{{ tablerowloop.index0 }}/{{ tablerowloop.rindex }}/{{ tablerowloop.rindex0 }}"
            + "/{{ tablerowloop.row }}/{{ tablerowloop.col }}/{{ tablerowloop.col0 }}/{{ tablerowloop.col_first }}/{{ tablerowloop.col_last }}"
            + "/{{ tablerowloop.first }}/{{ tablerowloop.last }}/{{ tablerowloop.length }}{% endtablerow %}";

        var cells = TestLiquid.Render(template, Model).Split("<td class=\"col")[1..].Select(cell => cell[(cell.IndexOf('>') + 1)..cell.IndexOf('<')]);

        Assert.Equal(
            [
                "1/0/4/3/1/1/0/true/false/true/false/4",
                "2/1/3/2/1/2/1/false/true/false/false/4",
                "3/2/2/1/2/1/0/true/false/false/false/4",
                "4/3/1/0/2/2/1/false/true/false/true/4",
            ],
            cells);
    }

    [Theory]
    [InlineData("{% tablerow i in (1..3) %}{{ i }}{% break %}{% endtablerow %}", "<tr class=\"row1\">\n<td class=\"col1\">1</td></tr>\n")]
    [InlineData("{% tablerow i in (1..3) %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endtablerow %}", "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\"></td><td class=\"col3\">3</td></tr>\n")]
    public void StopOrSkipCellsOnBreakAndContinue(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void RestoreOuterVariablesAndNestInsideLoops()
    {
        const string template = "{% assign n = 'outer' %}{% for row in (1..2) %}{% tablerow n in (1..2) %}{{ row }}{{ n }}{% endtablerow %}{% endfor %}{{ n }}";

        Assert.Equal(
            "<tr class=\"row1\">\n<td class=\"col1\">11</td><td class=\"col2\">12</td></tr>\n<tr class=\"row1\">\n<td class=\"col1\">21</td><td class=\"col2\">22</td></tr>\nouter",
            TestLiquid.Render(template, Model));
    }

    [Fact]
    public void KeepItsMarkupButEncodeValuesInHtmlMode() =>
        Assert.Equal(
            "<tr class=\"row1\">\n<td class=\"col1\">&lt;b&gt;</td></tr>\n",
            TestLiquid.RenderHtml("{% tablerow v in values %}{{ v }}{% endtablerow %}", new LiquidObject { ["values"] = LiquidValue.Array("<b>") }));

    [Fact]
    public void CountCellsAgainstTheLoopLimit() =>
        Assert.Equal(
            LiquidLimit.LoopIterations,
            Assert.Throws<LiquidLimitExceededException>(() => TestLiquid.Render("{% tablerow i in (1..100) %}{% endtablerow %}", options: new LiquidOptions { MaxLoopIterations = 50 })).Limit);

    [Theory]
    [InlineData("{% tablerow i in (1..3) reversed %}{% endtablerow %}", "Unexpected 'reversed': a tablerow takes 'cols:', 'limit:' and 'offset:'")]
    [InlineData("{% tablerow i in (1..3) rows: 2 %}{% endtablerow %}", "Unknown tablerow attribute 'rows'; use 'cols', 'limit' or 'offset'")]
    [InlineData("{% tablerow i (1..3) %}{% endtablerow %}", "Expected 'in' after 'i', as in 'tablerow item in items'")]
    [InlineData("{% tablerow i in (1..3) %}", "'endtablerow' was expected to close 'tablerow' opened on line 1")]
    public void ExplainMistakesInStrictMode(string template, string reason) =>
        Assert.Equal(reason, TestLiquid.ParseError(template).Reason);
}
