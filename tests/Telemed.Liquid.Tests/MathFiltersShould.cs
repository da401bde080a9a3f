namespace Telemed.Liquid.Tests;

public class MathFiltersShould
{
    [Theory]
    [InlineData("{{ 4 | plus: 2 }}", "6")]
    [InlineData("{{ 4 | plus: 2.0 }}", "6.0")]
    [InlineData("{{ 0.1 | plus: 0.2 }}", "0.3")]
    [InlineData("{{ '4' | plus: '2' }}", "6")]
    [InlineData("{{ '4.5' | plus: 1 }}", "5.5")]
    [InlineData("{{ 'abc' | plus: 1 }}", "1")]
    [InlineData("{{ nil | plus: 1 }}", "1")]
    [InlineData("{{ 4 | minus: 6 }}", "-2")]
    [InlineData("{{ 1.1 | minus: 1 }}", "0.1")]
    [InlineData("{{ 3 | times: 4 }}", "12")]
    [InlineData("{{ 0.1 | times: 3 }}", "0.3")]
    [InlineData("{{ 10 | divided_by: 4 }}", "2")]
    [InlineData("{{ -7 | divided_by: 2 }}", "-4")]
    [InlineData("{{ 10 | divided_by: 4.0 }}", "2.5")]
    [InlineData("{{ 10.0 | divided_by: 4 }}", "2.5")]
    [InlineData("{{ 10 | divided_by: 3.0 }}", "3.3333333333333335")]
    [InlineData("{{ 7 | modulo: 3 }}", "1")]
    [InlineData("{{ -7 | modulo: 3 }}", "2")]
    [InlineData("{{ 7 | modulo: -3 }}", "-2")]
    [InlineData("{{ 5.5 | modulo: 2 }}", "1.5")]
    [InlineData("{{ -5 | abs }}|{{ '-2.5' | abs }}", "5|2.5")]
    [InlineData("{{ 1.2 | ceil }}|{{ -1.2 | ceil }}|{{ 5 | ceil }}", "2|-1|5")]
    [InlineData("{{ 1.8 | floor }}|{{ -1.2 | floor }}|{{ '3.7' | floor }}", "1|-2|3")]
    [InlineData("{{ 2.5 | round }}|{{ -2.5 | round }}|{{ 2.4 | round }}", "3|-3|2")]
    [InlineData("{{ 3.14159 | round: 2 }}|{{ 1.005 | round: 2 }}|{{ 5 | round: 2 }}", "3.14|1.01|5")]
    [InlineData("{{ 4 | at_least: 5 }}|{{ 4 | at_least: 3 }}|{{ 4.5 | at_least: 4 }}", "5|4|4.5")]
    [InlineData("{{ 4 | at_most: 5 }}|{{ 4 | at_most: 3 }}|{{ 4 | at_most: 3.5 }}", "4|3|3.5")]
    [InlineData("{{ 9223372036854775807 | plus: 1 }}", "9.223372036854776e+18")]
    public void ComputeWithRubyNumberTypes(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{{ 1 | divided_by: 0 }}")]
    [InlineData("{{ 1.5 | divided_by: 0 }}")]
    [InlineData("{{ 1 | modulo: 0 }}")]
    [InlineData("{{ 1 | divided_by: nil }}")]
    public void RejectDivisionByZero(string template)
    {
        var error = TestLiquid.RenderError(template);

        Assert.Equal("divided by 0", error.Reason);
        Assert.Equal(1, error.Line);
    }
}
