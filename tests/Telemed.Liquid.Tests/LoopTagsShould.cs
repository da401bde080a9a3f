namespace Telemed.Liquid.Tests;

public class LoopTagsShould
{
    private static readonly LiquidObject Model = new()
    {
        ["items"] = LiquidValue.Array(1, 2, 3, 4, 5),
        ["empty_list"] = LiquidValue.Array(),
        ["words"] = LiquidValue.Array("a", "b"),
        ["hash"] = new LiquidObject { ["x"] = 1, ["y"] = 2 },
        ["n"] = 3,
    };

    [Theory]
    [InlineData("{% for i in items %}{{ i }}{% endfor %}", "12345")]
    [InlineData("{% for i in items limit: 2 %}{{ i }}{% endfor %}", "12")]
    [InlineData("{% for i in items offset: 3 %}{{ i }}{% endfor %}", "45")]
    [InlineData("{% for i in items limit: 2 offset: 1 %}{{ i }}{% endfor %}", "23")]
    [InlineData("{% for i in items offset: 1, limit: 2 %}{{ i }}{% endfor %}", "23")]
    [InlineData("{% for i in items reversed %}{{ i }}{% endfor %}", "54321")]
    [InlineData("{% for i in items reversed limit: 2 %}{{ i }}{% endfor %}", "21")]
    [InlineData("{% for i in items limit: 0 %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for i in items offset: 9 %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for i in items limit: n %}{{ i }}{% endfor %}", "123")]
    [InlineData("{% for i in (1..n) %}{{ i }}{% endfor %}", "123")]
    [InlineData("{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for i in (-1..1) %}{{ i }},{% endfor %}", "-1,0,1,")]
    [InlineData("{% for i in ('1'..'2') %}{{ i }}{% endfor %}", "12")]
    [InlineData("{% for i in empty_list %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for i in missing %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for i in n %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for c in 'text' %}[{{ c }}]{% endfor %}", "[text]")]
    [InlineData("{% for pair in hash %}{{ pair[0] }}={{ pair[1] }};{% endfor %}", "x=1;y=2;")]
    public void IterateWithLimitOffsetAndReversed(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void ExposeForloopVariables()
    {
        const string template = "{% for w in words %}{{ forloop.index }}/{{ forloop.index0 }}/{{ forloop.rindex }}/{{ forloop.rindex0 }}/{{ forloop.first }}/{{ forloop.last }}/{{ forloop.length }} {% endfor %}";

        Assert.Equal("1/0/2/1/true/false/2 2/1/1/0/false/true/2 ", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void ExposeParentLoopInNestedLoops()
    {
        const string template = "{% for a in words %}{% for b in words %}{{ forloop.parentloop.index }}{{ b }}{% if forloop.parentloop.last %}!{% endif %} {% endfor %}{% endfor %}{{ forloop.index }}";

        Assert.Equal("1a 1b 2a! 2b! ", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void HaveNoParentLoopAtTheTop() =>
        Assert.Equal("nil", TestLiquid.Render("{% for a in words %}{% if forloop.parentloop == nil %}nil{% endif %}{% break %}{% endfor %}", Model));

    [Theory]
    [InlineData("{% for i in items %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "12")]
    [InlineData("{% for i in items %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "1245")]
    [InlineData("{% for a in words %}{% for i in items %}{% break %}{% endfor %}{{ a }}{% endfor %}", "ab")]
    [InlineData("{% for i in items %}{% case i %}{% when 2 %}{% break %}{% endcase %}{{ i }}{% endfor %}", "1")]
    [InlineData("a{% break %}b", "a")]
    public void BreakAndContinueTheInnermostLoop(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void ContinueFromThePreviousOffset()
    {
        const string template = "{% for i in items limit: 2 %}{{ i }}{% endfor %}|{% for i in items offset: continue limit: 2 %}{{ i }}{% endfor %}|{% for i in items offset: continue %}{{ i }}{% endfor %}";

        Assert.Equal("12|34|5", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void RemoveLoopVariableAfterTheLoopButKeepAssignments()
    {
        const string template = "{% for i in items %}{% assign last_seen = i %}{% endfor %}[{{ i }}][{{ last_seen }}]";

        Assert.Equal("[][5]", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void ShadowAssignedVariableWithLoopVariable()
    {
        const string template = "{% assign i = 'x' %}{% for i in words %}{% assign i = 'y' %}{{ i }}{% endfor %}{{ i }}";

        Assert.Equal("aby", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void CycleThroughValuesPerGroup()
    {
        const string template = "{% for i in items %}{% cycle 'odd', 'even' %} {% endfor %}|{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'a', 'b' %}{% cycle 'g1': 'a', 'b' %}";

        Assert.Equal("odd even odd even odd |aab", TestLiquid.Render(template, Model));
    }

    [Fact]
    public void ShareCycleStateForTheSameValues() =>
        Assert.Equal("121", TestLiquid.Render("{% cycle 1, 2 %}{% cycle 1, 2 %}{% cycle 1, 2 %}"));
}
