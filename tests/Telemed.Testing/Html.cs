using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Telemed.Testing;

/// <summary>Reads pages the way a browser would: parse, find the form, post it back with its antiforgery token.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
        return Parser.ParseDocument(body);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Posts the page's form (the first, or the one matching <paramref name="formSelector"/>) as a browser would: every
    /// named control's value in document order (checked boxes and radios only, a checkbox and its hidden "false" both,
    /// the selected options of a list, text areas), except that each name in <paramref name="fields"/> is sent with the
    /// given value alone.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        IDictionary<string, string> fields, string formSelector = "form[method=post]", string? handler = null)
    {
        var form = page.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>()
            .FirstOrDefault(f => handler is null || (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var values = FormValues(form).Where(pair => !fields.ContainsKey(pair.Key)).Concat(fields).ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>What submitting the form without a button would send (the HTML standard's form data set, minus files).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image" or "file":
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } input:
                    yield return new(name, input.HasAttribute("value") ? input.Value : "on");
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.Value);
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    foreach (var option in chosen.Count > 0 || select.IsMultiple ? chosen : select.Options.Take(1))
                    {
                        yield return new(name, option.Value);
                    }
                    break;
                case IHtmlTextAreaElement text:
                    yield return new(name, text.Value);
                    break;
            }
        }
    }

    public static string FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";
}
