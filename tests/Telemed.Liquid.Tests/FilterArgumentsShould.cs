namespace Telemed.Liquid.Tests;

/// <summary>
/// Filters called with too few or too many arguments fail at render in both parse modes, as Ruby
/// Liquid's do: the message counts the input as the first argument and named arguments as one more.
/// </summary>
public class FilterArgumentsShould
{
    [Theory]
    [InlineData("{{ 'a-b-c' | split }}", "wrong number of arguments (given 1, expected 2)")]
    [InlineData("{{ 'a' | split: '-', 2 }}", "wrong number of arguments (given 3, expected 2)")]
    [InlineData("{{ 'a' | upcase: 1 }}", "wrong number of arguments (given 2, expected 1)")]
    [InlineData("{{ 'a' | append }}", "wrong number of arguments (given 1, expected 2)")]
    [InlineData("{{ 'a' | append: 'b', 'c' }}", "wrong number of arguments (given 3, expected 2)")]
    [InlineData("{{ 'a' | append: 'b', extra: 1 }}", "wrong number of arguments (given 3, expected 2)")]
    [InlineData("{{ 'a' | truncate: 1, 'x', 'y' }}", "wrong number of arguments (given 4, expected 1..3)")]
    [InlineData("{{ 'a' | slice }}", "wrong number of arguments (given 1, expected 2..3)")]
    [InlineData("{{ 'a' | replace_last: 'a' }}", "wrong number of arguments (given 2, expected 3)")]
    [InlineData("{{ 'a' | replace: 'a', 'b', 'c' }}", "wrong number of arguments (given 4, expected 2..3)")]
    [InlineData("{{ list | map }}", "wrong number of arguments (given 1, expected 2)")]
    [InlineData("{{ list | where }}", "wrong number of arguments (given 1, expected 2..3)")]
    [InlineData("{{ list | join: ',', ';' }}", "wrong number of arguments (given 3, expected 1..2)")]
    [InlineData("{{ list | first: 1 }}", "wrong number of arguments (given 2, expected 1)")]
    [InlineData("{{ 1 | plus }}", "wrong number of arguments (given 1, expected 2)")]
    [InlineData("{{ 1 | plus: 1, 2 }}", "wrong number of arguments (given 3, expected 2)")]
    [InlineData("{{ 1.5 | round: 1, 2 }}", "wrong number of arguments (given 3, expected 1..2)")]
    [InlineData("{{ 'x' | default: 'a', 'b', allow_false: true }}", "wrong number of arguments (given 4, expected 1..3)")]
    [InlineData("{{ 'now' | date }}", "wrong number of arguments (given 1, expected 2..3)")]
    [InlineData("{{ 'now' | date: '%Y', 'UTC', 1 }}", "wrong number of arguments (given 4, expected 2..3)")]
    [InlineData("{{ 'x' | escape: 'y' }}", "wrong number of arguments (given 2, expected 1)")]
    [InlineData("{% assign x = 'a' | split %}", "wrong number of arguments (given 1, expected 2)")]
    [InlineData("{% if true %}{% echo 'a' | upcase: 'b' %}{% endif %}", "wrong number of arguments (given 2, expected 1)")]
    public void RaiseOnTheWrongNumberOfArgumentsInBothModes(string template, string reason)
    {
        foreach (var mode in new[] { LiquidParseMode.Strict, LiquidParseMode.Lax })
        {
            var model = new LiquidObject { ["list"] = LiquidValue.Array(1, 2) };

            var error = TestLiquid.RenderError(template, model, new LiquidOptions { ParseMode = mode });

            Assert.Equal(reason, error.Reason);
        }
    }

    [Theory]
    [InlineData("{{ 'a' | append: 'b' }}", "ab")]
    [InlineData("{{ 'a-b' | replace: '-' }}", "ab")]
    [InlineData("{{ 'abc' | truncate }}", "abc")]
    [InlineData("{{ 'abc' | truncate: 2 }}", "...")]
    [InlineData("{{ 'abc' | truncate: 2, '' }}", "ab")]
    [InlineData("{{ nil | default }}", "")]
    [InlineData("{{ nil | default: 'x' }}", "x")]
    [InlineData("{{ false | default: 'x', allow_false: true }}", "false")]
    [InlineData("{{ nil | default: allow_false: true }}", "")]
    [InlineData("{{ list | join }}", "1 2")]
    [InlineData("{{ list | join: '-' }}", "1-2")]
    [InlineData("{{ 1.25 | round }}", "1")]
    [InlineData("{{ 1.25 | round: 1 }}", "1.3")]
    public void AcceptEveryCountTheFilterTakes(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["list"] = LiquidValue.Array(1, 2) }));

    [Fact]
    public void ParseAndFailOnlyWhenTheCallRuns()
    {
        var engine = new LiquidEngine(new LiquidOptions { ParseMode = LiquidParseMode.Strict });

        Assert.True(engine.TryParse("{% if false %}{{ 'a' | split }}{% endif %}", out var template, out _));
        Assert.Equal(string.Empty, template.Render(new LiquidObject()));
    }

    [Fact]
    public void PrintTheErrorInlineWhenAsked()
    {
        var settings = new LiquidRenderSettings { InlineErrors = true };

        var output = new LiquidEngine().Render("a{{ 'a-b-c' | split }}b", new LiquidObject(), settings);

        Assert.Equal("aLiquid error (line 1): wrong number of arguments (given 1, expected 2)b", output);
    }

    [Fact]
    public void PointAtTheFilter()
    {
        var error = TestLiquid.RenderError("\n{{ 'a' | upcase | append }}");

        Assert.Equal((2, 19), (error.Line, error.Column));
    }

    [Fact]
    public void CheckTheCountsACustomFilterDeclares()
    {
        var options = new LiquidOptions();
        options.Filters.Add("initials", (input, args, _) => input.ToString()[..1] + args[0], 0, 1);
        options.Filters.Add("anything", (input, args, _) => args.Count);

        Assert.Equal("A.|A|3", TestLiquid.Render("{{ 'Ann' | initials: '.' }}|{{ 'Ann' | initials }}|{{ 1 | anything: 1, 2, 3 }}", options: options));
        Assert.Equal("wrong number of arguments (given 3, expected 1..2)", TestLiquid.RenderError("{{ 'Ann' | initials: 1, 2 }}", options: options).Reason);
    }

    [Fact]
    public void CountWhatTheLaxParserKept() =>
        Assert.Equal(
            "wrong number of arguments (given 1, expected 2)",
            TestLiquid.RenderError("{{ 'a' | append 'x' }}", options: new LiquidOptions { ParseMode = LiquidParseMode.Lax }).Reason);

    [Fact]
    public void LeaveUnknownFiltersAlone() =>
        Assert.Equal("x", TestLiquid.Render("{{ 'x' | no_such_filter: 1, 2, 3 }}"));
}
