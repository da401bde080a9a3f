using System.Net;
using AngleSharp.Html.Dom;

namespace Telemed.Booking.IntegrationTests;

/// <summary>Drives the public booking pages the way a browser without JavaScript would.</summary>
public static class BookingForms
{
    public static Dictionary<string, string> Patient(string name = "Jamie Doe", string email = "jamie@example.test", string phone = "+44 20 7946 0001") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Phone"] = phone,
        ["Input.Notes"] = "First visit",
    };

    /// <summary>Opens the details page and submits it; returns the response and the page it answered with.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> BookAsync(HttpClient client, string detailsUrl, IDictionary<string, string>? fields = null)
    {
        var page = await client.GetPageAsync(detailsUrl);
        var response = await client.SubmitFormAsync(page, detailsUrl, fields ?? Patient(), formSelector: "main form[method=post]");
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Books and follows the redirect; returns the manage token from the confirmation URL.</summary>
    public static async Task<string> BookOkAsync(HttpClient client, string detailsUrl, IDictionary<string, string>? fields = null)
    {
        var (response, page) = await BookAsync(client, detailsUrl, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {page.QuerySelector("[role=alert]")?.TextContent ?? page.Title}");
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/book/confirmation/", location);
        return location[(location.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// Posts to a page handler that the page does not offer a form for (a forged or stale request),
    /// with a valid antiforgery token taken from the clinic's sign-in form.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pathBase, string url, IDictionary<string, string> fields)
    {
        var login = await client.GetPageAsync($"{pathBase}/login");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
