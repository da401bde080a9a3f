namespace Telemed.Liquid.Tests;

public class HtmlEncodingShould
{
    private const string Attack = "<script>alert('x')</script>&\"";
    private const string Encoded = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;";

    private static readonly LiquidObject Model = new()
    {
        ["name"] = Attack,
        ["names"] = LiquidValue.Array(Attack),
        ["patient"] = new LiquidObject { ["name"] = Attack },
    };

    private static readonly InMemoryLiquidTemplateStore Partials = new InMemoryLiquidTemplateStore()
        .Add("show", "<b>{{ value }}</b>")
        .Add("raw", "{{ value | raw }}");

    [Theory]
    [InlineData("{{ name }}")]
    [InlineData("{{ patient.name }}")]
    [InlineData("{{ patient['name'] }}")]
    [InlineData("{% echo name %}")]
    [InlineData("{{ name | append: '' }}")]
    [InlineData("{{ '' | append: name }}")]
    [InlineData("{{ name | prepend: '' }}")]
    [InlineData("{{ names | join: '' }}")]
    [InlineData("{{ names | first }}")]
    [InlineData("{{ names }}")]
    [InlineData("{{ name | strip }}")]
    [InlineData("{{ name | default: 'x' }}")]
    [InlineData("{{ missing | default: name }}")]
    [InlineData("{{ name | replace: 'x', 'x' }}")]
    [InlineData("{{ name | split: '@' | join: '' }}")]
    [InlineData("{% assign copy = name %}{{ copy }}")]
    [InlineData("{% capture c %}{{ name }}{% endcapture %}{{ c }}")]
    [InlineData("{% capture c %}{{ name }}{% endcapture %}{{ c | append: '' }}")]
    [InlineData("{% capture c %}{% endcapture %}{{ c | append: name }}")]
    [InlineData("{% for n in names %}{{ n }}{% endfor %}")]
    [InlineData("{% cycle name %}")]
    public void EncodeEveryOutputInHtmlMode(string template) =>
        Assert.Equal(Encoded, TestLiquid.RenderHtml(template, Model));

    [Fact]
    public void EncodeValuesPassedToPartials()
    {
        Assert.Equal("<b>" + Encoded + "</b>", TestLiquid.RenderHtml("{% render 'show', value: name %}", Model, Partials));
        Assert.Equal("<b>" + Encoded + "</b>", TestLiquid.RenderHtml("{% render 'show' with name as value %}", Model, Partials));
    }

    [Theory]
    [InlineData("{{ name | raw }}")]
    [InlineData("{% assign copy = name | raw %}{{ copy }}")]
    [InlineData("{% capture c %}{{ name | raw }}{% endcapture %}{{ c }}")]
    [InlineData("{{ name | raw | append: '' }}")]
    [InlineData("{% assign copy = name | raw %}{{ copy | append: '' }}")]
    public void OutputUnencodedOnlyWhenTheTemplateSaysRaw(string template) =>
        Assert.Equal(Attack, TestLiquid.RenderHtml(template, Model));

    [Fact]
    public void LetPartialTemplatesUseRaw() =>
        Assert.Equal(Attack, TestLiquid.RenderHtml("{% render 'raw', value: name %}", Model, Partials));

    [Theory]
    [InlineData("{{ name | escape }}", Encoded)]
    [InlineData("{{ name | escape_once }}", Encoded)]
    [InlineData("{{ 'Tom & Jerry' | escape }}", "Tom &amp; Jerry")]
    [InlineData("{% capture c %}<p>{{ name }}</p>{% endcapture %}{{ c | append: name }}", "<p>" + Encoded + "</p>" + Encoded)]
    [InlineData("{% capture c %}<p>{{ name }}</p>{% endcapture %}{{ name | prepend: c }}", "<p>" + Encoded + "</p>" + Encoded)]
    [InlineData("{{ 'a <b>\nc' | newline_to_br }}", "a &lt;b&gt;<br />\nc")]
    [InlineData("{{ 'a <b>\nc' | escape | newline_to_br }}", "a &lt;b&gt;<br />\nc")]
    [InlineData("<p>{{ 'x' }}</p>", "<p>x</p>")]
    [InlineData("{{ 5 | plus: 1 }}", "6")]
    [InlineData("{{ name | raw | append: name }}", Attack + Encoded)]
    public void NeverEncodeTwice(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.RenderHtml(template, Model));

    [Theory]
    [InlineData("{{ '2024-07-04' | date: '<b>%Y</b>' }}", "&lt;b&gt;2024&lt;/b&gt;")]
    [InlineData("{{ name | date: '%Y' }}", Encoded)]
    [InlineData("{{ '2024-07-04' | date: '%Y' | append: name }}", "2024" + Encoded)]
    [InlineData("{% capture c %}{{ '2024-07-04' | date: '%d/%m' }}{% endcapture %}{{ c }}", "04/07")]
    public void EncodeDatesWrittenStraightIntoTheOutput(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.RenderHtml(template, Model));

    [Fact]
    public void LeavePlainTextUnencoded() =>
        Assert.Equal(Attack, TestLiquid.Render("{{ name }}", Model));
}
