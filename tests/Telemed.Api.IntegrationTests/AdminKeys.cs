using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace Telemed.Api.IntegrationTests;

/// <summary>A clinic admin at work on the API keys pages, posting the forms as a browser would (with the antiforgery token).</summary>
public sealed class AdminKeys(TestClient admin, string pathBase)
{
    public TestClient Client => admin;

    public string NewKeyUrl => $"{pathBase}/admin/api-keys/new";
    public string ListUrl => $"{pathBase}/admin/api-keys";

    public static Task<AdminKeys> SignInAsync(TestHost host, ApiClinic clinic, string email = ApiClinic.AdminEmail) =>
        SignInAsync(host, clinic.PathBase, email, ApiClinic.Password);

    public static async Task<AdminKeys> SignInAsync(TestHost host, string pathBase, string email, string password)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{pathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{pathBase}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new AdminKeys(client, pathBase);
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

    /// <summary>Sends <paramref name="json"/> (or no body) with the key and any extra headers.</summary>
    public static Task<HttpResponseMessage> SendWithKeyAsync(this HttpClient client, HttpMethod method, string url, string? key, string? json = null,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string url, string? key, string? json, params (string Name, string Value)[] headers) =>
        client.SendWithKeyAsync(HttpMethod.Post, url, key, json, headers);

    public static Task<HttpResponseMessage> GetWithAuthorizationAsync(this HttpClient client, string url, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }
}
