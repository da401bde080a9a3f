namespace Telemed.Liquid.Tests;

public class HtmlFiltersShould
{
    [Theory]
    [InlineData("{{ \"<a href='x'>Tom & Jerry</a>\" | escape }}", "&lt;a href=&#39;x&#39;&gt;Tom &amp; Jerry&lt;/a&gt;")]
    [InlineData("{{ '\"quoted\"' | h }}", "&quot;quoted&quot;")]
    [InlineData("{{ '1 < 2 &amp; 3' | escape_once }}", "1 &lt; 2 &amp; 3")]
    [InlineData("{{ '&lt;p&gt; & &#39; &#x27;' | escape_once }}", "&lt;p&gt; &amp; &#39; &#x27;")]
    [InlineData("{{ 'a b&c/é' | url_encode }}", "a+b%26c%2F%C3%A9")]
    [InlineData("{{ 'a+b%26c%2F%C3%A9' | url_decode }}", "a b&c/é")]
    [InlineData("{{ '<p>Hi <b>there</b></p><script>alert(1)</script><!-- x --><style>p{}</style>' | strip_html }}", "Hi there")]
    [InlineData("{{ 'a\nb' | newline_to_br }}", "a<br />\nb")]
    [InlineData("{{ 'héllo' | base64_encode }}|{{ 'aMOpbGxv' | base64_decode }}", "aMOpbGxv|héllo")]
    [InlineData("{{ nil | escape }}", "")]
    public void EscapeAndEncode(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));
}
