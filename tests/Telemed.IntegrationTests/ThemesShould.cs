using System.Net;
using Microsoft.Extensions.Logging;
using Telemed.Core.Modules;
using Telemed.Core.Tenancy;
using Telemed.Core.Theming;
using Telemed.Tenants.Services;

namespace Telemed.IntegrationTests;

/// <summary>
/// A clinic's theme decides its public layout: the installed themes are the classic clinic theme and Calm; provisioning
/// refuses a theme that is not installed; a clinic whose theme has gone since renders in the default one, and it is logged.
/// </summary>
public sealed class ThemesShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public void OfferEveryInstalledThemeWithTheDefaultFirst()
    {
        var themes = Host.GetRequiredService<PublicThemes>().All;

        Assert.Equal([("clinic", "_ClinicLayout"), ("calm", "_CalmLayout")], themes.Select(t => (t.Name, t.Layout)));
    }

    [Theory]
    [InlineData("calm", "theme-calm")]
    [InlineData("clinic", "theme-clinic")]
    public async Task RenderAClinicsPublicPagesInItsTheme(string theme, string bodyClass)
    {
        var clinic = await ProvisionAsync(theme);
        var client = Host.CreateClient();

        foreach (var path in new[] { "/", "/book", "/login", "/no-such-page" })
        {
            var response = await client.GetAsync($"/c/{clinic.Slug}{path}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(Html.Parse(html).Body!.ClassList.Contains(bodyClass), $"{path} answered {(int)response.StatusCode} without {bodyClass}: {html[..Math.Min(html.Length, 3000)]}");
        }
    }

    [Fact]
    public async Task RefuseToProvisionAThemeThatIsNotInstalled()
    {
        var slug = $"theme-{Guid.NewGuid():N}"[..16];

        var refused = await Assert.ThrowsAsync<TenantProvisioningException>(() => ProvisionAsync("neon", slug));

        Assert.Equal(nameof(ClinicRequest.Theme), refused.Field);
        Assert.Contains("There is no theme called 'neon'. Choose one of: clinic, calm.", refused.Message);
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    [Theory]
    [InlineData("calm", "calm")]
    [InlineData("", "clinic")]
    public async Task LetTheOperatorChooseTheNewClinicsTheme(string chosen, string expected)
    {
        var slug = $"op-{Guid.NewGuid():N}"[..14];
        var response = await SubmitNewClinicAsync(slug, chosen);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var clinic = await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug);
        Assert.Equal(expected, clinic!.Theme);
    }

    [Fact]
    public async Task TellTheOperatorBesideTheFieldWhenAThemeIsNotInstalled()
    {
        var slug = $"op-{Guid.NewGuid():N}"[..14];
        var response = await SubmitNewClinicAsync(slug, "neon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is no theme called 'neon'", page.FieldError("Input.Theme"));
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    [Fact]
    public void FallBackToTheDefaultThemeAndSaySoOnceForAThemeNoLongerInstalled()
    {
        var logs = new ListLogger();
        var themes = new PublicThemes(Host.GetRequiredService<ModuleCatalog>().Assemblies, logs);
        var clinic = new Tenant(Guid.NewGuid(), "retro-clinic", "Retro clinic", [], TenantState.Active, "retro", "UTC", DateTimeOffset.UtcNow);

        Assert.Equal("_ClinicLayout", themes.LayoutFor(clinic));
        Assert.Equal("_ClinicLayout", themes.LayoutFor(clinic));
        var warning = Assert.Single(logs.Lines);
        Assert.Contains("retro-clinic asks for theme retro, which is not installed", warning);
    }

    private async Task<HttpResponseMessage> SubmitNewClinicAsync(string slug, string theme)
    {
        var client = await Clinics.SignInAsync(Host, "", "operator@telemed.local", "Operator123!");
        var page = await client.GetPageAsync("/platform");
        return await client.SubmitFormAsync(page, "/platform", new Dictionary<string, string>
        {
            ["Input.Name"] = "Themed clinic", ["Input.Slug"] = slug, ["Input.TimeZone"] = "Europe/London", ["Input.Recipe"] = "new-clinic",
            ["Input.Theme"] = theme, ["Input.AdminEmail"] = "admin@themed.test", ["Input.AdminPassword"] = "Themed-Pass-1",
        }, "main form[method=post]", handler: "Create");
    }

    private async Task<Tenant> ProvisionAsync(string theme, string? slug = null)
    {
        var recipe = Telemed.Core.Recipes.Recipe.Parse($$"""{ "name": "themed", "tenant": { "theme": "{{theme}}" }, "steps": [] }""");
        slug ??= $"theme-{Guid.NewGuid():N}"[..16];
        return await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
    }

    private sealed class ListLogger : ILogger<PublicThemes>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
