using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>
/// Every answer carries the security headers (pages, admin pages, static files, error and tenant status
/// pages, the sandbox), and no page needs an inline script the Content-Security-Policy would block.
/// </summary>
public sealed partial class SecurityHeadersShould(SecurityHeadersShould.ProxiedDemoHost fixture) : IClassFixture<SecurityHeadersShould.ProxiedDemoHost>
{
    private const string DemoPassword = "Demo123!";
    private const string ClinicAdmin = "admin@demo.clinic";
    private const string Doctor = "dr.alice@demo.clinic";
    private const string Operator = "operator@telemed.local";

    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("/c/demo/")]
    [InlineData("/c/demo/book")]
    [InlineData("/c/demo/login")]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/c/demo/lib/bootstrap/js/bootstrap.bundle.min.js")]
    [InlineData("/c/demo/no-such-page")]
    [InlineData("/c/no-such-clinic/")]
    [InlineData("/health")]
    public async Task SendTheSecurityHeadersOn(string path)
    {
        var response = await Host.CreateClient().GetAsync(path);

        AssertSecurityHeaders(response);
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task SendTheSecurityHeadersOnAnAdminPage()
    {
        var admin = await Clinics.SignInAsync(Host, "/c/demo", ClinicAdmin, DemoPassword);

        var response = await admin.GetAsync("/c/demo/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task SendTheSecurityHeadersOnTheStatusPageOfASuspendedClinic()
    {
        var clinic = await Clinics.CreateAsync(Host);
        await Host.GetRequiredService<TenantRegistry>().SetStateAsync(clinic.Id, TenantState.Suspended);

        var response = await Host.CreateClient().GetAsync($"/c/{clinic.Slug}/login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        AssertSecurityHeaders(response);
        AssertNoInlineCode(Html.Parse(await response.Content.ReadAsStringAsync()), Nonce(response), "the suspended clinic's page");
    }

    [Fact]
    public async Task AllowNoInlineScriptInThePolicy()
    {
        var policy = Directives(Header(await Host.CreateClient().GetAsync("/c/demo/"), "Content-Security-Policy")!);

        var scripts = policy.GetValueOrDefault("script-src") ?? policy["default-src"];
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.DoesNotContain("*", scripts);
        Assert.DoesNotContain("'unsafe-inline'", policy.GetValueOrDefault("style-src") ?? policy["default-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
    }

    [Fact]
    public async Task GiveEveryResponseItsOwnNonce()
    {
        var client = Host.CreateClient();
        var first = Nonce(await client.GetAsync("/c/demo/"));
        var second = Nonce(await client.GetAsync("/c/demo/"));

        Assert.True(Convert.FromBase64String(first).Length >= 16);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("/c/demo/book/manage/not-a-real-token")]
    [InlineData("/c/demo/book/manage/not-a-real-token/reschedule")]
    [InlineData("/c/demo/book/confirmation/not-a-real-token")]
    [InlineData("/c/demo/book/00000000-0000-0000-0000-000000000001?change=not-a-real-token")]
    [InlineData("/c/demo/reset-password?email=someone%40demo.clinic&token=not-a-real-token")]
    [InlineData("/c/demo/zoom/callback?code=not-a-real-code&state=not-a-real-state")]
    [InlineData("/sandbox/zoom/oauth/authorize")]
    [InlineData("/sandbox/zoom/s/1?zak=not-a-real-token")]
    public async Task KeepAddressesThatCarryASecretOutOfTheReferrer(string path)
    {
        var response = await Host.CreateClient().GetAsync(path);

        AssertSecurityHeaders(response);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task AskForHttpsAndSecureCookiesOnlyWhenServedOverHttps()
    {
        var plain = await Host.CreateClient().GetAsync("/c/demo/login");
        Assert.Null(Header(plain, "Strict-Transport-Security"));
        Assert.All(Cookies(plain), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));

        var proxied = await SendThroughTlsProxyAsync("/c/demo/login", "clinic.telemed.test");
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal("max-age=31536000", Header(proxied, "Strict-Transport-Security"));
        Assert.NotEmpty(Cookies(proxied));
        Assert.All(Cookies(proxied), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        var loopback = await SendThroughTlsProxyAsync("/c/demo/login", "localhost");
        Assert.Null(Header(loopback, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/signup")]
    [InlineData(null, "/c/demo/")]
    [InlineData(null, "/c/demo/book")]
    [InlineData(null, "/c/demo/login")]
    [InlineData(null, "/c/demo/forgot-password")]
    [InlineData(null, "/c/demo/no-such-page")]
    [InlineData(null, "/c/no-such-clinic/")]
    [InlineData(ClinicAdmin, "/c/demo/admin")]
    [InlineData(ClinicAdmin, "/c/demo/admin/appointments")]
    [InlineData(ClinicAdmin, "/c/demo/admin/services")]
    [InlineData(ClinicAdmin, "/c/demo/admin/hosts")]
    [InlineData(ClinicAdmin, "/c/demo/admin/hosts/edit")]
    [InlineData(ClinicAdmin, "/c/demo/admin/services/edit")]
    [InlineData(ClinicAdmin, "/c/demo/admin/users")]
    [InlineData(ClinicAdmin, "/c/demo/admin/settings")]
    [InlineData(ClinicAdmin, "/c/demo/admin/messages")]
    [InlineData(ClinicAdmin, "/c/demo/admin/jobs")]
    [InlineData(ClinicAdmin, "/c/demo/admin/zoom")]
    [InlineData(ClinicAdmin, "/c/demo/admin/zoom/hosts")]
    [InlineData(ClinicAdmin, "/c/demo/admin/zoom/meetings")]
    [InlineData(Doctor, "/c/demo/admin")]
    [InlineData(Doctor, "/c/demo/zoom/connection")]
    [InlineData(Doctor, "/c/demo/zoom/sessions")]
    [InlineData(Operator, "/platform")]
    [InlineData(Operator, "/platform/users")]
    public async Task ServePagesWithoutInlineScriptsOrHandlers(string? user, string path)
    {
        var client = user is null ? Host.CreateClient() : await Clinics.SignInAsync(Host, path.StartsWith("/c/demo") ? "/c/demo" : "", user, user == Operator ? "Operator123!" : DemoPassword);

        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        AssertNoInlineCode(Html.Parse(await response.Content.ReadAsStringAsync()), Nonce(response), path);
    }

    [Fact]
    public async Task ServeTheSlotPickerWithItsScriptFromAFile()
    {
        var client = Host.CreateClient();
        var services = await client.GetPageAsync("/c/demo/book");
        var pick = services.QuerySelector("a.stretched-link[href^='/c/demo/book/']")!.GetAttribute("href")!;

        var response = await client.GetAsync(pick);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoInlineCode(page, Nonce(response), pick);
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, src => src.Contains("slot-picker.js"));
        foreach (var src in scripts)
        {
            var file = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/javascript", file.Content.Headers.ContentType?.MediaType);
            AssertSecurityHeaders(file);
        }
    }

    [Fact]
    public async Task ServeTheSandboxConsentPageWithoutInlineCode()
    {
        var doctor = await Clinics.SignInAsync(Host, "/c/demo", Doctor, DemoPassword);
        var connection = await doctor.GetPageAsync("/c/demo/zoom/connection");
        var connect = await doctor.SubmitFormAsync(connection, "/c/demo/zoom/connection", new Dictionary<string, string>(), handler: "Connect", formSelector: "section[data-provider=zoom] form");
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);

        var consent = await doctor.GetAsync(connect.Headers.Location);
        Assert.True(consent.IsSuccessStatusCode, $"{connect.Headers.Location}: {await consent.Content.ReadAsStringAsync()}");
        var page = Html.Parse(await consent.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.NotNull(page.QuerySelector("form[method=post] button[value=allow]"));
        AssertSecurityHeaders(consent);
        AssertNoInlineCode(page, Nonce(consent), "the sandbox's consent page");
        foreach (var sheet in page.QuerySelectorAll("link[rel=stylesheet]").Select(l => new Uri(consent.RequestMessage!.RequestUri!, l.GetAttribute("href")!)))
        {
            var file = await doctor.GetAsync(sheet);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/css", file.Content.Headers.ContentType?.MediaType);
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
        var policy = Header(response, "Content-Security-Policy");
        Assert.True(policy is not null, $"{what} has no Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("'unsafe-inline'", Directives(policy).GetValueOrDefault("script-src") ?? []);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.True(Header(response, "Referrer-Policy") is "strict-origin-when-cross-origin" or "no-referrer", $"{what}: Referrer-Policy {Header(response, "Referrer-Policy")}");
        var permissions = Header(response, "Permissions-Policy");
        Assert.True(permissions is not null, $"{what} has no Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    /// <summary>No script or style runs from the markup itself unless it carries this response's nonce.</summary>
    private static void AssertNoInlineCode(IHtmlDocument page, string nonce, string what)
    {
        foreach (var script in page.Scripts.Where(s => string.IsNullOrEmpty(s.Source)))
        {
            Assert.True(script.GetAttribute("nonce") == nonce, $"{what} has an inline <script> without the nonce: {script.OuterHtml[..Math.Min(120, script.OuterHtml.Length)]}");
        }
        foreach (var style in page.QuerySelectorAll("style"))
        {
            Assert.True(style.GetAttribute("nonce") == nonce, $"{what} has an inline <style> without the nonce");
        }
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{what}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.False(attribute.Name == "style", $"{what}: <{element.LocalName} style=\"{attribute.Value}\">");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{what}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }
        }
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var sources = Directives(Header(response, "Content-Security-Policy") ?? "").GetValueOrDefault("script-src") ?? [];
        var nonce = sources.Select(s => NoncePattern().Match(s)).FirstOrDefault(m => m.Success);
        Assert.True(nonce is not null, "script-src names no nonce");
        return nonce.Groups[1].Value;
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    /// <summary>As a TLS-terminating proxy in front of the product forwards a browser's https request.</summary>
    private async Task<HttpResponseMessage> SendThroughTlsProxyAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await Host.CreateClient().SendAsync(request);
    }

    [GeneratedRegex("^'nonce-([A-Za-z0-9+/=]+)'$")]
    private static partial Regex NoncePattern();

    /// <summary>The host with the demo clinic behind a trusted TLS-terminating proxy (this machine), whose X-Forwarded-Proto it believes.</summary>
    public sealed class ProxiedDemoHost : HostFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Platform:SeedDemo"] = "true",
            ["Platform:TrustedProxies:0"] = "127.0.0.1",
            ["Platform:AllowedHosts:0"] = "clinic.telemed.test",
            ["Platform:AllowedHosts:1"] = "localhost",
        };
    }
}
