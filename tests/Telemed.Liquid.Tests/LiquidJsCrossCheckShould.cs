using System.Text.Json.Nodes;

namespace Telemed.Liquid.Tests;

/// <summary>
/// Renders a table of templates with this engine and with liquidjs and expects the same text.
/// The table holds behaviour where liquidjs agrees with Shopify's Ruby engine. It differs on
/// integer division, float formatting, escaping '"' and forloop.parentloop, and on include with a list,
/// repeated when values, contains with nil items or hash keys, blank blocks, filter argument counts,
/// ifchanged and doc, which other tests pin to Ruby.
/// </summary>
public class LiquidJsCrossCheckShould
{
    private static readonly JsonObject Data = JsonNode.Parse("""
        {
          "name": "Ann", "items": [1, 2, 3, 4], "words": ["banana", "Apple", "cherry"], "x": 2, "a": false,
          "people": [{ "name": "Al", "active": true }, { "name": "Bo", "active": false }, { "name": "Cy", "active": true }],
          "empty_list": [], "blank_text": "  ", "hash": { "k": 1, "j": 2 }, "mixed": [1, null, 2], "price": 3.14159
        }
        """)!.AsObject();

    private static readonly string[] Table =
    [
        "{{ name | upcase }} {{ name | downcase }} {{ 'hELLO wORLD' | capitalize }}",
        "{{ 'Ground control to Major Tom.' | truncate: 20 }}|{{ 'Ground control to Major Tom.' | truncate: 25, ', and so on' }}",
        "{{ 'Ground control to Major Tom.' | truncatewords: 3 }}|{{ 'Ground control to Major Tom.' | truncatewords: 3, '--' }}",
        "{{ 'Liquid' | slice: 0 }}|{{ 'Liquid' | slice: 2, 5 }}|{{ 'Liquid' | slice: -3, 2 }}",
        "{{ 'a,b,c' | split: ',' | join: '-' }}|{{ '  a  b ' | strip }}|{{ '  a ' | lstrip }}|{{ ' a  ' | rstrip }}",
        "{{ 'a-b-a' | replace: 'a', 'x' }}|{{ 'a-b-a' | replace_first: 'a', 'x' }}|{{ 'a-b-a' | remove: 'a' }}|{{ 'a-b-a' | remove_first: 'a' }}",
        "{{ 'b' | prepend: 'a' | append: 'c' }}|{{ 'hello' | size }}|{{ items | size }}",
        "{{ '<b>x</b>' | escape }}|{{ '&amp; <' | escape_once }}|{{ '<p>hi <i>you</i></p>' | strip_html }}",
        "{{ 'a\nb' | newline_to_br }}|{{ 'a\nb\nc' | strip_newlines }}",
        "{% for i in items limit: 2 offset: 1 %}{{ i }}{% endfor %}|{% for i in items reversed %}{{ i }}{% endfor %}",
        "{% for i in items %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }} {% endfor %}",
        "{% for w in words %}{% for i in items limit: 2 %}{{ w }}.{{ forloop.index }} {% endfor %}{% endfor %}",
        "{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}",
        "{% for i in empty_list %}{{ i }}{% else %}none{% endfor %}|{% for i in (1..x) %}{{ i }}{% endfor %}",
        "{% for pair in hash %}{{ pair[0] }}={{ pair[1] }};{% endfor %}",
        "{% case x %}{% when 1 %}one{% when 2, 3 %}two or three{% else %}other{% endcase %}|{% case 'z' %}{% when 'a' or 'z' %}az{% endcase %}",
        "{% if true or false and false %}y{% else %}n{% endif %}{% if false and false or true %}y{% else %}n{% endif %}",
        "{% unless a %}not a{% endunless %}|{% if x > 1 and x <= 2 %}range{% endif %}|{% if x != 2 %}ne{% else %}eq{% endif %}",
        "{% if items contains 2 %}y{% endif %}{% if name contains 'nn' %}z{% endif %}{% if empty_list == empty %}e{% endif %}{% if blank_text == blank %}b{% endif %}",
        "{% if 0 %}zero is truthy{% endif %}|{% if '' %}empty text is truthy{% endif %}|{% if nil %}{% else %}nil is falsy{% endif %}",
        "a  {%- if true -%}  b  {%- endif -%}  c|{{- name -}} |  {{ name }}",
        "{% capture c %}Hi {{ name }}!{% endcapture %}{{ c }}{{ c | size }}",
        "{% increment n %}{% increment n %}{% decrement m %}{% decrement m %}|{% assign n = 9 %}{% increment n %}{{ n }}",
        "{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}|{% cycle 'g': 1, 2 %}{% cycle 'g': 1, 2 %}",
        "{{ items | reverse | join: ',' }}|{{ words | sort | join }}|{{ words | sort_natural | join }}|{{ items | first }}{{ items | last }}",
        "{{ people | map: 'name' | join: ',' }}|{{ people | where: 'active' | map: 'name' | join }}|{{ people | where: 'name', 'Bo' | size }}",
        "{{ items | concat: items | uniq | join: ',' }}|{{ mixed | compact | join: ',' }}",
        "{{ 4 | plus: 2 }}|{{ 4 | minus: 6 }}|{{ 3 | times: 4 }}|{{ 7 | modulo: 3 }}|{{ -5 | abs }}",
        "{{ 1.2 | ceil }}|{{ 1.8 | floor }}|{{ price | round: 2 }}|{{ 4 | at_least: 5 }}|{{ 4 | at_most: 3 }}",
        "{{ missing | default: 'x' }}|{{ a | default: 'y' }}|{{ a | default: 'y', allow_false: true }}|{{ '' | default: 'z' }}",
        "{% liquid\n  assign y = x | plus: 1\n  if y > 2\n    echo y\n  endif\n%}",
        "{% raw %}{{ x }}{% if %}{% endraw %}|{% comment %}{{ hidden }}{% endcomment %}|{% # note %}",
        "{{ '2024-07-04T13:05:09Z' | date: '%Y-%m-%d %H:%M:%S %a %b %j' }}|{{ 0 | date: '%Y' }}",
        "{% assign list = 'c,a,b' | split: ',' | sort %}{{ list | join: '' }}{{ list.first }}{{ list.size }}",
    ];

    /// <summary>Conformance points where liquidjs agrees with Ruby: include, case, contains and the property filters.</summary>
    private static readonly string[] ConformanceTable =
    [
        "{% include 'product' %}|{% include 'product' with 'x' %}",
        "{% include 'greet', name: 'Ann', extra: '!' %}|{% include 'greet' name: 'Bo' %}",
        "{% assign name = 'outer' %}{% include 'greet' %}|{% include 'assigns' %}{{ leaked }}",
        "{% for product in items %}{% include 'product' %}{% endfor %}",
        "{% case 'a' %}{% when 'a' %}1{% when 'a' %}2{% else %}E{% endcase %}",
        "{% case 1 %}{% when 2 %}a{% else %}b{% when 1 %}c{% endcase %}|{% case 3 %}{% when 1 %}a{% else %}b{% endcase %}",
        "{% if nothing contains 'a' %}y{% else %}n{% endif %}{% if name contains nothing %}y{% else %}n{% endif %}{% if a contains 'a' %}y{% else %}n{% endif %}{% if missing contains 'a' %}y{% else %}n{% endif %}",
        "{% if words contains 'Apple' %}y{% endif %}{% if words contains 'apple' %}y{% endif %}{% if name contains 'An' %}y{% endif %}",
        "{{ people | has: 'active' }}|{{ people | has: 'name', 'Zed' }}|{{ people | has: 'name', 'Bo' }}|{{ empty_list | has: 'name' }}",
        "{{ people | find: 'name', 'Zed' }}|{{ people | find: 'active' | map: 'name' }}|{{ people | find: 'active', false | map: 'name' }}",
        "{{ people | find_index: 'name', 'Cy' }}|{{ people | find_index: 'name', 'Zed' }}|{{ people | find_index: 'active' }}",
        "{{ people | reject: 'active' | map: 'name' | join }}|{{ people | reject: 'name', 'Al' | map: 'name' | join: ',' }}",
        "{{ people | where: 'active', true | map: 'name' | join: ',' }}|{{ people | where: 'name', 'Zed' | size }}",
    ];

    private static readonly Dictionary<string, string> Partials = new()
    {
        ["product"] = "[{{ product }}]",
        ["greet"] = "Hi {{ name }}{{ extra }}",
        ["assigns"] = "{% assign leaked = 'yes' %}",
    };

    public static readonly TheoryData<string> Templates = new(Table);

    public static readonly TheoryData<string> ConformanceTemplates = new(ConformanceTable);

    private static readonly Lazy<Dictionary<string, string>> ConformanceExpected = new(() =>
        ConformanceTable.Zip(LiquidJsReference.Render(ConformanceTable, Data, Partials)).ToDictionary(pair => pair.First, pair => pair.Second));

    private static readonly Lazy<Dictionary<string, string>> Expected = new(() =>
        Table.Zip(LiquidJsReference.Render(Table, Data)).ToDictionary(pair => pair.First, pair => pair.Second));

    [LiquidJsTheory]
    [MemberData(nameof(Templates))]
    public void RenderLikeTheReferenceImplementation(string template)
    {
        var model = LiquidJsReference.ToLiquid(Data).AsHash;

        Assert.Equal(Expected.Value[template], TestLiquid.Render(template, model));
    }

    [LiquidJsTheory]
    [MemberData(nameof(ConformanceTemplates))]
    public void FollowTheReferenceOnIncludeCaseContainsAndPropertyFilters(string template)
    {
        var model = LiquidJsReference.ToLiquid(Data).AsHash;
        var partials = new InMemoryLiquidTemplateStore();
        foreach (var (name, source) in Partials)
        {
            partials.Add(name, source);
        }

        Assert.Equal(ConformanceExpected.Value[template], new LiquidEngine(templateStore: partials).Render(template, model!));
    }
}
