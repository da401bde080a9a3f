namespace Telemed.Liquid.Tests;

public class StringFiltersShould
{
    [Theory]
    [InlineData("{{ 'a' | append: 'b' }}", "ab")]
    [InlineData("{{ 'a' | append: 1 }}", "a1")]
    [InlineData("{{ nil | append: 'b' }}", "b")]
    [InlineData("{{ 'b' | prepend: 'a' }}", "ab")]
    [InlineData("{{ 'hello WORLD' | capitalize }}", "Hello world")]
    [InlineData("{{ '' | capitalize }}", "")]
    [InlineData("{{ 'AbC' | downcase }}|{{ 'AbC' | upcase }}", "abc|ABC")]
    [InlineData("{{ nil | upcase }}", "")]
    [InlineData("[{{ '  a b  ' | strip }}][{{ '  a ' | lstrip }}][{{ ' a  ' | rstrip }}]", "[a b][a ][ a]")]
    [InlineData("{{ 'a\nb\r\nc' | strip_newlines }}", "abc")]
    [InlineData("{{ 'a-b-a' | replace: 'a', 'x' }}", "x-b-x")]
    [InlineData("{{ 'a-b-a' | replace: 'a' }}", "-b-")]
    [InlineData("{{ 'ab' | replace: '', '.' }}", ".a.b.")]
    [InlineData("{{ 'a-b-a' | replace_first: 'a', 'x' }}", "x-b-a")]
    [InlineData("{{ 'a-b-a' | replace_last: 'a', 'x' }}", "a-b-x")]
    [InlineData("{{ 'a-b-a' | remove: 'a' }}", "-b-")]
    [InlineData("{{ 'a-b-a' | remove_first: 'a' }}", "-b-a")]
    [InlineData("{{ 'a-b-a' | remove_last: 'a' }}", "a-b-")]
    [InlineData("{{ 'a-b-a' | replace_first: 'z', 'x' }}", "a-b-a")]
    [InlineData("{{ 'hello' | size }}|{{ list | size }}|{{ nil | size }}|{{ 5 | size }}", "5|3|0|0")]
    public void TransformText(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["list"] = LiquidValue.Array(1, 2, 3) }));

    [Theory]
    [InlineData("{{ 'Liquid' | slice: 0 }}", "L")]
    [InlineData("{{ 'Liquid' | slice: 2, 5 }}", "quid")]
    [InlineData("{{ 'Liquid' | slice: -3, 2 }}", "ui")]
    [InlineData("{{ 'Liquid' | slice: -3, 99 }}", "uid")]
    [InlineData("{{ 'Liquid' | slice: 6 }}", "")]
    [InlineData("{{ 'Liquid' | slice: 99 }}", "")]
    [InlineData("{{ 'Liquid' | slice: -99 }}", "")]
    [InlineData("{{ 'Liquid' | slice: 1, -1 }}", "")]
    [InlineData("{{ 'Liquid' | slice: '1', '2' }}", "iq")]
    [InlineData("{{ list | slice: 1, 2 | join: ',' }}", "2,3")]
    [InlineData("{{ list | slice: -1 | join: ',' }}", "3")]
    [InlineData("{{ list | slice: 9 | size }}", "0")]
    public void SliceWithNegativeAndOversizedArguments(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, new LiquidObject { ["list"] = LiquidValue.Array(1, 2, 3) }));

    [Theory]
    [InlineData("{{ 'a,b,c' | split: ',' | join: '|' }}", "a|b|c")]
    [InlineData("{{ 'a,b,,' | split: ',' | size }}", "2")]
    [InlineData("{{ ',a' | split: ',' | size }}", "2")]
    [InlineData("{{ '  a  b ' | split: ' ' | join: '|' }}", "a|b")]
    [InlineData("{{ 'abc' | split: '' | join: '|' }}", "a|b|c")]
    [InlineData("{{ '' | split: ',' | size }}", "0")]
    public void SplitAsRuby(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{{ 'Ground control to Major Tom.' | truncate: 20 }}", "Ground control to...")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncate: 25, ', and so on' }}", "Ground control, and so on")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncate: 20, '' }}", "Ground control to Ma")]
    [InlineData("{{ 'short' | truncate: 5 }}", "short")]
    [InlineData("{{ 'abcdef' | truncate: 2 }}", "...")]
    [InlineData("{{ 'abcdef' | truncate: 0 }}", "...")]
    [InlineData("{{ 'abcdef' | truncate: -1 }}", "...")]
    [InlineData("{{ 'abcdef' | truncate: 999 }}", "abcdef")]
    [InlineData("{{ nil | truncate: 3 }}", "")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncatewords: 3 }}", "Ground control to...")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncatewords: 3, '--' }}", "Ground control to--")]
    [InlineData("{{ 'one  two   three' | truncatewords: 2 }}", "one two...")]
    [InlineData("{{ 'one two' | truncatewords: 2 }}", "one two")]
    [InlineData("{{ 'one two' | truncatewords: 0 }}", "one...")]
    [InlineData("{{ 'one two' | truncatewords: -5 }}", "one...")]
    public void TruncateAsRuby(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Fact]
    public void RejectNonIntegerLength()
    {
        var error = TestLiquid.RenderError("{{ 'abc' | truncate: 'x' }}");

        Assert.Equal("Line 1, column 12: invalid integer", error.Message);
    }

    [Theory]
    [InlineData("{{ name | upcase }}", "&lt;B&gt;JANE &amp; CO&lt;/B&gt;")]
    [InlineData("{{ name | downcase }}", "&lt;b&gt;jane &amp; co&lt;/b&gt;")]
    [InlineData("{{ name | capitalize }}", "&lt;b&gt;jane &amp; co&lt;/b&gt;")]
    [InlineData("{{ name | upcase | raw }}", "<B>JANE & CO</B>")]
    [InlineData("{{ plain | capitalize }}|{{ plain | upcase }}|{{ plain | downcase }}", "Élodie o&#39;neil|ÉLODIE O&#39;NEIL|élodie o&#39;neil")]
    [InlineData("{{ 'éLODIE' | capitalize }}", "Élodie")]
    [InlineData("{{ 12 | upcase }}|{{ 1.5 | capitalize }}|{{ true | downcase }}|{{ nil | capitalize }}", "12|1.5|true|")]
    public void ChangeCaseAndStillEncodeInHtmlMode(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.RenderHtml(template, new LiquidObject { ["name"] = "<b>Jane & Co</b>", ["plain"] = "éLODIE O'NEIL" }));
}
