using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace Telemed.Api.IntegrationTests;

/// <summary>A clinic admin at work on the API keys pages, posting the forms as a browser would (with the antiforgery token).</summary>
public sealed class AdminKeys(TestClient admin, ApiClinic clinic)
{
    public TestClient Client => admin;

    public string NewKeyUrl => $"{clinic.PathBase}/admin/api-keys/new";
    public string ListUrl => $"{clinic.PathBase}/admin/api-keys";

    public static async Task<AdminKeys> SignInAsync(TestHost host, ApiClinic clinic, string email = ApiClinic.AdminEmail)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{clinic.PathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{clinic.PathBase}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ApiClinic.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new AdminKeys(client, clinic);
    }

    /// <summary>Posts the new-key form; scopes repeat one field, as ticked boxes do.</summary>
    public async Task<HttpResponseMessage> PostNewKeyAsync(string name, IEnumerable<string> scopes, string mode = "live", string expiresOn = "")
    {
        var page = await admin.GetPageAsync(NewKeyUrl);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token(page)),
            new("Input.Name", name),
            new("Input.Mode", mode),
            new("Input.ExpiresOn", expiresOn),
        };
        fields.AddRange(scopes.Select(scope => new KeyValuePair<string, string>("Input.Scopes", scope)));
        return await admin.PostAsync(NewKeyUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>Creates a key and returns the secret the page shows once.</summary>
    public async Task<string> CreateAsync(string name, params string[] scopes) => await CreateAsync(name, "live", "", scopes);

    /// <summary>Creates a key of the given kind, expiring after the given day (yyyy-MM-dd, or empty for never).</summary>
    public async Task<string> CreateAsync(string name, string mode, string expiresOn, string[] scopes)
    {
        var response = await PostNewKeyAsync(name, scopes, mode, expiresOn);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Creating a key answered {(int)response.StatusCode}: {string.Join(" | ", Html.Parse(body).QuerySelectorAll(".invalid-feedback, .text-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))}");
        return SecretOn(Html.Parse(body));
    }

    public static string SecretOn(IHtmlDocument page) =>
        (page.QuerySelector("[data-testid=secret]") as IHtmlInputElement)?.Value ?? throw new InvalidOperationException("The page shows no secret.");

    /// <summary>Presses Revoke on the list page for the key whose row is <paramref name="keyId"/>.</summary>
    public async Task<HttpResponseMessage> RevokeAsync(Guid keyId)
    {
        var page = await admin.GetPageAsync(ListUrl);
        var form = page.QuerySelector($"tr[data-key-id='{keyId}'] form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No revoke button for key {keyId}.");
        return await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", Token(page))]));
    }

    private static string Token(IHtmlDocument page) =>
        (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("The page has no antiforgery token.");
}

/// <summary>Calls to the clinic's API with a bearer key.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> GetWithKeyAsync(this HttpClient client, string url, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetWithAuthorizationAsync(this HttpClient client, string url, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }
}
