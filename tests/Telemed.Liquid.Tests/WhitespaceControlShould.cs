namespace Telemed.Liquid.Tests;

public class WhitespaceControlShould
{
    [Theory]
    [InlineData("a  \n {{- 'b' }}", "ab")]
    [InlineData("{{ 'a' -}} \n\t b", "ab")]
    [InlineData("a \n{{- 'b' -}}\n c", "abc")]
    [InlineData("a \n {%- if true %}b{% endif %}", "ab")]
    [InlineData("{% if true -%}\n  b\n{%- endif %}", "b")]
    [InlineData("{%- assign x = 1 -%}\n\n{{ x }}", "1")]
    [InlineData("a\n{% if true %}\nb\n{% endif %}\nc", "a\n\nb\n\nc")]
    [InlineData("x {%- raw -%} {{ y }} {%- endraw -%} z", "x{{ y }}z")]
    [InlineData("a {%- comment -%} ignored {%- endcomment -%} b", "ab")]
    [InlineData("[ {%- # note -%} ]", "[]")]
    public void TrimWhitespaceNextToDashes(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Fact]
    public void TrimInsideLoops()
    {
        const string template = "<ul>\n{%- for i in (1..2) %}\n  <li>{{ i }}</li>\n{%- endfor %}\n</ul>";

        Assert.Equal("<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>", TestLiquid.Render(template));
    }
}
