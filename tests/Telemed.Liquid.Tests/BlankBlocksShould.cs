namespace Telemed.Liquid.Tests;

/// <summary>
/// Ruby Liquid's blank blocks: an if, unless, case or for whose bodies hold only whitespace and tags
/// that output nothing renders no whitespace. Blankness is decided when parsing, by what the body
/// holds, not by what it renders.
/// </summary>
public class BlankBlocksShould
{
    [Theory]
    [InlineData("[{% if true %} {% endif %}]", "[]")]
    [InlineData("[{% if true %}\n\t \r\n{% endif %}]", "[]")]
    [InlineData("[{% if true %} {% elsif false %} {% else %} {% endif %}]", "[]")]
    [InlineData("[{% if false %} {% elsif true %} {% endif %}]", "[]")]
    [InlineData("[{% if false %} {% else %} {% endif %}]", "[]")]
    [InlineData("[{% unless false %} {% endunless %}]", "[]")]
    [InlineData("[{% for i in (1..3) %} {% endfor %}]", "[]")]
    [InlineData("[{% for i in (1..0) %} {% else %} {% endfor %}]", "[]")]
    [InlineData("[{% case 1 %} {% when 1 %} {% else %} {% endcase %}]", "[]")]
    [InlineData("[{% case 2 %} {% when 1 %} {% else %} {% endcase %}]", "[]")]
    [InlineData("[{% if true %} {% assign x = 1 %} {% endif %}]{{ x }}", "[]1")]
    [InlineData("[{% for i in (1..3) %}\n  {% assign last = i %}\n{% endfor %}]{{ last }}", "[]3")]
    [InlineData("[{% if true %} {% capture c %} kept {% endcapture %} {% endif %}]{{ c }}", "[] kept ")]
    [InlineData("[{% if true %} {% comment %} x {% endcomment %} {% # note %} {% endif %}]", "[]")]
    [InlineData("[{% if true %} {% if true %} {% for i in (1..2) %} {% endfor %} {% endif %} {% endif %}]", "[]")]
    [InlineData("[{% if true %} {% liquid assign x = 1 %} {% endif %}]", "[]")]
    [InlineData("[{% if true %}{% endif %}]", "[]")]
    [InlineData("[{% case 1 %} {% when 1 %}{% assign y = 2 %} {% endcase %}]{{ y }}", "[]2")]
    public void DropTheWhitespaceOfBlankBlocks(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("[{% if true %} x {% endif %}]", "[ x ]")]
    [InlineData("[{% if true %} {{ '' }} {% endif %}]", "[  ]")]
    [InlineData("[{% if true %} {{ }} {% endif %}]", "[  ]")]
    [InlineData("[{% if true %} {% echo '' %} {% endif %}]", "[  ]")]
    [InlineData("[{% if true %} {% increment n %} {% endif %}]", "[ 0 ]")]
    [InlineData("[{% if true %} {% cycle '', '' %} {% endif %}]", "[  ]")]
    [InlineData("[{% for i in (1..2) %} {% break %} {% endfor %}]", "[ ]")]
    [InlineData("[{% if true %} {% raw %} {% endraw %}{% endif %}]", "[  ]")]
    [InlineData("[{% if true %} {% if false %} never, yet not blank {% endif %}{% endif %}]", "[ ]")]
    [InlineData("[{% if false %}{% else %} x {% endif %}{% if true %} {% endif %}]", "[ x ]")]
    [InlineData("[{% case 1 %} ignored {% when 1 %} {% endcase %}]", "[ ]")]
    [InlineData("[{% if true %} {% if true %} {% endif %} {% if true %} x {% endif %} {% endif %}]", "[   x  ]")]
    [InlineData("[{% if true %} {% liquid echo '' %} {% endif %}]", "[  ]")]
    public void KeepTheWhitespaceOfBlocksThatOutput(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Theory]
    [InlineData("[ {% assign x = 1 %} ]", "[  ]")]
    [InlineData("[{% capture c %} {% endcapture %}]{{ c }}|", "[] |")]
    [InlineData("{% tablerow i in (1..1) %} {% endtablerow %}", "<tr class=\"row1\">\n<td class=\"col1\"> </td></tr>\n")]
    [InlineData("[{% if true %}{% tablerow i in (1..1) %} {% endtablerow %} {% endif %}]", "[<tr class=\"row1\">\n<td class=\"col1\"> </td></tr>\n]")]
    public void LeaveTheTemplateCapturesAndTableRowsAlone(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template));

    [Fact]
    public void DropBlankLinesAroundAssignmentsInMessages()
    {
        const string template = "Dear {{ name }},\n{% if late %}\n  {% assign when = 'soon' %}\n{% else %}\n  {% assign when = 'on time' %}\n{% endif %}\nSee you {{ when }}.";

        Assert.Equal("Dear Ann,\n\nSee you on time.", TestLiquid.Render(template, new LiquidObject { ["name"] = "Ann", ["late"] = false }));
    }

    [Theory]
    [InlineData("a{% if 5 > 'x' %}{% endif %}b", "ab")]
    [InlineData("a{% unless 5 > 'x' %} {% endunless %}b", "ab")]
    [InlineData("a{% for i in (1..3) offset: 'bad' %}{% endfor %}b", "ab")]
    [InlineData("a{% if 5 > 'x' %}{% assign v = 1 %}{% comment %}c{% endcomment %}{% endif %}b", "ab")]
    [InlineData("a{% assign v = 'x' | split %}b", "ab")]
    [InlineData("a{% for i in (1..3) offset: 'bad' %}{{ i }}{% endfor %}b", "aLiquid error (line 1): invalid integerb")]
    [InlineData("a{% if 5 > 'x' %}{% else %}E{% endif %}b", "aLiquid error (line 1): Cannot compare 5 with 'x'b")]
    [InlineData("a{% if 5 > 'x' %}{{ '' }}{% endif %}b", "aLiquid error (line 1): Cannot compare 5 with 'x'b")]
    public void WriteNoInlineErrorForBlankTags(string template, string expected)
    {
        var settings = new LiquidRenderSettings { InlineErrors = true };

        Assert.Equal(expected, new LiquidEngine().Render(template, new LiquidObject(), settings));
    }

    [Fact]
    public void StillRaiseErrorsOfBlankTags() =>
        Assert.Equal("Cannot compare 5 with 'x'", TestLiquid.RenderError("{% if 5 > 'x' %}{% endif %}").Reason);
}
