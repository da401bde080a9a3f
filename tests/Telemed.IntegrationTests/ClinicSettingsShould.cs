using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.IntegrationTests;

/// <summary>
/// The clinic settings form refuses a logo that is not an https address and an accent colour too light to read on white,
/// each with a message beside its field and nothing saved; good values are saved and reach the public pages.
/// </summary>
public sealed class ClinicSettingsShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("Settings.LogoUrl", "not a url", "Enter the full address of the image, starting with https://.")]
    [InlineData("Settings.LogoUrl", "/images/logo.png", "Enter the full address of the image, starting with https://.")]
    [InlineData("Settings.LogoUrl", "javascript:alert(1)", "Enter the full address of the image, starting with https://.")]
    [InlineData("Settings.LogoUrl", "http://cdn.example.com/logo.png", "The logo's address must start with https://")]
    [InlineData("Settings.LogoUrl", "https://user:secret@cdn.example.com/logo.png", "must not contain a user name or password")]
    [InlineData("Settings.AccentColor", "#ffcc00", "#ffcc00 is too light to read on white (1.5:1; text needs at least 4.5:1)")]
    [InlineData("Settings.AccentColor", "#0d9488", "is too light to read on white")]
    [InlineData("Settings.AccentColor", "teal", "Use a colour like #0f766e.")]
    public async Task RefuseABadValueWithAMessageBesideItsField(string field, string value, string message)
    {
        var (clinic, client) = await ClinicWithAdminAsync();
        var response = await SubmitAsync(clinic, client, new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.FieldError(field));
        Assert.Equal("true", page.QuerySelector($"[name='{field}']")?.GetAttribute("aria-invalid"));
        var saved = await SettingsOfAsync(clinic);
        Assert.Null(field == "Settings.LogoUrl" ? saved.LogoUrl : saved.AccentColor);
    }

    [Fact]
    public async Task SuggestADarkerShadeThatIsReadable()
    {
        var (clinic, client) = await ClinicWithAdminAsync();
        var response = await SubmitAsync(clinic, client, new Dictionary<string, string> { ["Settings.AccentColor"] = "#ffcc00" });
        var message = Html.Parse(await response.Content.ReadAsStringAsync()).FieldError("Settings.AccentColor");
        var suggested = message[(message.LastIndexOf('#'))..].TrimEnd('.');

        Assert.True(Telemed.Core.Theming.AccentColour.IsReadableOnWhite(suggested), $"suggested {suggested} is not readable: {message}");
        var accepted = await SubmitAsync(clinic, client, new Dictionary<string, string> { ["Settings.AccentColor"] = suggested });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(suggested, (await SettingsOfAsync(clinic)).AccentColor);
    }

    [Fact]
    public async Task SaveAReadableAccentAndAnHttpsLogoAndShowThemOnThePublicSite()
    {
        var (clinic, client) = await ClinicWithAdminAsync();
        var response = await SubmitAsync(clinic, client, new Dictionary<string, string>
        {
            ["Settings.AccentColor"] = "#7a1f5c",
            ["Settings.LogoUrl"] = "https://cdn.example.com/brand/logo.svg",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var anonymous = Host.CreateClient();
        var home = await anonymous.GetAsync($"/c/{clinic.Slug}/");
        var page = Html.Parse(await home.Content.ReadAsStringAsync());
        var logo = page.QuerySelector("header img.clinic-logo");
        Assert.Equal("https://cdn.example.com/brand/logo.svg", logo?.GetAttribute("src"));
        Assert.Equal(clinic.Name, logo?.GetAttribute("alt"));
        var style = page.QuerySelectorAll("head style").Select(s => s.TextContent).Single(s => s.Contains("--clinic-accent"));
        Assert.Contains("--clinic-accent:#7a1f5c;", style);
        // The style block carries this response's nonce, so the strict CSP lets it apply.
        var nonce = page.QuerySelector("head style")!.GetAttribute("nonce");
        Assert.Contains($"'nonce-{nonce}'", home.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task RefuseAnHttpLogoInARecipe()
    {
        var recipe = Telemed.Core.Recipes.Recipe.Parse("""{ "name": "http-logo", "steps": [ { "step": "settings", "logoUrl": "http://cdn.example.com/logo.png" } ] }""");
        var slug = $"logo-{Guid.NewGuid():N}"[..16];

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, "Logo clinic", "Europe/London")));

        Assert.Contains("https://", failure.Message);
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    private async Task<(Tenant Clinic, TestClient Client)> ClinicWithAdminAsync()
    {
        var clinic = await TestClinics.ProvisionAsync(Host, "settings");
        return (clinic, await TestClinics.SignInAsync(Host, $"/c/{clinic.Slug}", TestClinics.AdminEmail));
    }

    private static async Task<HttpResponseMessage> SubmitAsync(Tenant clinic, TestClient client, IDictionary<string, string> fields)
    {
        var url = $"/c/{clinic.Slug}/admin/settings";
        // The admin layout's sign-out form comes first; the settings form is the page's own.
        return await client.SubmitFormAsync(await client.GetPageAsync(url), url, fields, "main form[method=post]");
    }

    private Task<ClinicSettings> SettingsOfAsync(Tenant clinic) =>
        Host.InTenantAsync(clinic, services => services.GetRequiredService<ClinicSettingsStore>().GetAsync());
}
