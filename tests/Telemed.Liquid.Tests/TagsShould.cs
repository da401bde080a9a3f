namespace Telemed.Liquid.Tests;

public class TagsShould
{
    [Theory]
    [InlineData("{% assign x = 'a' %}{{ x }}", "a")]
    [InlineData("{% assign x = 'abc' | upcase | append: '!' %}{{ x }}", "ABC!")]
    [InlineData("{% assign x = list | join: ',' %}{{ x }}", "1,2")]
    [InlineData("{% assign x = (1..3) %}{{ x | join: '-' }}", "1-2-3")]
    [InlineData("{% assign x = 1 %}{% assign x = x | plus: 1 %}{{ x }}", "2")]
    [InlineData("{% if true %}{% assign inner = 'set' %}{% endif %}{{ inner }}", "set")]
    public void AssignValues(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["list"] = LiquidValue.Array(1, 2) }));

    [Theory]
    [InlineData("{{ name }}{% assign name = 'assigned' %}{{ name }}", "modelassigned")]
    [InlineData("{{ name }}{% for name in list %}{{ name }}{% endfor %}{{ name }}", "model12model")]
    [InlineData("{{ name }}{% capture name %}captured{% endcapture %}{{ name }}", "modelcaptured")]
    [InlineData("{{ name }}{% increment name %}{{ name }}", "model01")]
    [InlineData("{{ name }}{{ name }}{{ other }}{{ other }}", "modelmodel")]
    public void LetTemplateVariablesHideModelValuesFromWhereTheyAreSet(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["name"] = "model", ["list"] = LiquidValue.Array(1, 2) }));

    [Fact]
    public void AssignOverridesModelValue() =>
        Assert.Equal("mine", TestLiquid.Render("{% assign name = 'mine' %}{{ name }}", new LiquidObject { ["name"] = "model" }));

    [Theory]
    [InlineData("{% capture c %}Hi {{ name }}{% endcapture %}[{{ c }}]", "[Hi Ann]")]
    [InlineData("{% capture 'c' %}x{% endcapture %}{{ c }}", "x")]
    [InlineData("{% for i in (1..3) %}{% capture c %}{{ c }}{{ i }}{% endcapture %}{% endfor %}{{ c }}", "123")]
    public void CaptureRenderedText(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["name"] = "Ann" }));

    [Fact]
    public void KeepCountersApartFromAssignedVariables()
    {
        const string template = "{% increment c %}{% increment c %}{% increment c %}|{{ c }}|{% assign d = 10 %}{% increment d %}{{ d }}|{% decrement e %}{% decrement e %}{{ e }}";

        Assert.Equal("012|3|010|-1-2-2", TestLiquid.Render(template));
    }

    [Fact]
    public void ShareCountersBetweenIncrementAndDecrement() =>
        Assert.Equal("000|1", TestLiquid.Render("{% increment x %}{% decrement x %}{% increment x %}|{{ x }}"));

    [Theory]
    [InlineData("a{% comment %} {{ x }} {% if %} {% endcomment %}b", "ab")]
    [InlineData("a{% comment %}{% comment %}x{% endcomment %}y{% endcomment %}b", "ab")]
    [InlineData("a{% # inline comment %}b", "ab")]
    [InlineData("a{%# no space %}b", "ab")]
    [InlineData("a{% raw %}{{ x }}{% if %}{% endraw %}b", "a{{ x }}{% if %}b")]
    [InlineData("{% raw %}{% endraw %}", "")]
    public void IgnoreCommentsAndKeepRawText(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{% echo 'x' | upcase %}", "X")]
    [InlineData("{% echo %}", "")]
    public void EchoValues(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Fact]
    public void RunLinesOfTheLiquidTag()
    {
        const string template = """
            {% liquid
              # greet each patient
              assign greeting = 'Hello'
              for name in names
                if forloop.first
                  echo greeting
                endif
                echo ' ' | append: name
              endfor
              case names.size
                when 2
                  echo '!'
              endcase
            %}
            """;

        Assert.Equal("Hello Ann Bob!", TestLiquid.Render(template, new LiquidObject { ["names"] = LiquidValue.Array("Ann", "Bob") }));
    }

    [Fact]
    public void ReportUnclosedBlockInsideLiquidTag()
    {
        var error = TestLiquid.ParseError("{% liquid\n if true\n echo 'x'\n%}");

        Assert.Equal("'endif' was expected to close 'if' opened on line 2", error.Reason);
    }
}
