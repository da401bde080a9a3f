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
    [InlineData("{{ '??>' | base64_encode }}|{{ '??>' | base64_url_safe_encode }}", "Pz8+|Pz8-")]
    [InlineData("{{ 'ÿÿ?' | base64_encode }}|{{ 'ÿÿ?' | base64_url_safe_encode }}", "w7/Dvz8=|w7_Dvz8=")]
    [InlineData("{{ 'héllo' | base64_url_safe_encode }}|{{ nil | base64_url_safe_encode }}", "aMOpbGxv|")]
    [InlineData("{{ 'Pz8-' | base64_url_safe_decode }}|{{ 'w7_Dvz8=' | base64_url_safe_decode }}|{{ 'w7_Dvz8' | base64_url_safe_decode }}", "??>|ÿÿ?|ÿÿ?")]
    [InlineData("{{ 'YQ' | base64_url_safe_decode }}|{{ 'YQ==' | base64_url_safe_decode }}|{{ nil | base64_url_safe_decode }}", "a|a|")]
    [InlineData("{{ 'https://x.test/?a=1&b=ü' | base64_url_safe_encode | base64_url_safe_decode }}", "https://x.test/?a=1&b=ü")]
    public void EscapeAndEncode(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("{{ 'a' | base64_decode }}", "invalid base64 provided to base64_decode")]
    [InlineData("{{ 'Pz8-' | base64_decode }}", "invalid base64 provided to base64_decode")]
    [InlineData("{{ 'a' | base64_url_safe_decode }}", "invalid base64 provided to base64_url_safe_decode")]
    [InlineData("{{ 'YQ=' | base64_url_safe_decode }}", "invalid base64 provided to base64_url_safe_decode")]
    [InlineData("{{ 'Y*==' | base64_url_safe_decode }}", "invalid base64 provided to base64_url_safe_decode")]
    public void RefuseInvalidBase64(string template, string reason) =>
        Assert.Equal(reason, TestLiquid.RenderError(template).Reason);
}
