using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.BrowserTests;

/// <summary>
/// A host with one bookable clinic per public theme, plain and branded (an accent colour and a logo), and Chromium.
/// The logo's https address is answered by the browser context itself (<see cref="NewContextAsync"/>): nothing leaves the machine.
/// </summary>
public sealed class ThemedClinics : IAsyncLifetime
{
    public const string LogoUrl = "https://logo.clinic.test/brand.svg";
    public const string Accent = "#7a1f5c";
    public const string AccentRgb = "rgb(122, 31, 92)";
    public static readonly string[] Themes = ["clinic", "calm"];

    private const string LogoSvg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#7a1f5c"/></svg>""";
    private readonly BrowserFixture _browser = new();
    private readonly Dictionary<(string Theme, bool Branded), Tenant> _clinics = [];

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Platform:SeedDemo"] = "true" });
        await _browser.InitializeAsync();
        foreach (var theme in Themes)
        {
            _clinics[(theme, false)] = await ProvisionAsync(theme, branded: false);
            _clinics[(theme, true)] = await ProvisionAsync(theme, branded: true);
        }
    }

    /// <summary>The clinic on <paramref name="theme"/>; branded: with <see cref="Accent"/> and <see cref="LogoUrl"/>.</summary>
    public Tenant Clinic(string theme, bool branded = false) => _clinics[(theme, branded)];

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB", TimezoneId = "Europe/London",
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(Chromium.DefaultTimeout);
        context.SetDefaultNavigationTimeout(Chromium.DefaultTimeout);
        await context.RouteAsync(LogoUrl, route => route.FulfillAsync(new() { ContentType = "image/svg+xml", Body = LogoSvg }));
        return context;
    }

    private Task<Tenant> ProvisionAsync(string theme, bool branded)
    {
        var slug = $"{theme}-{(branded ? "b" : "p")}-{Guid.NewGuid():N}"[..16];
        var hostEmail = $"dr.{slug}@clinic.test";
        var settings = branded ? $$"""{ "step": "settings", "accentColor": "{{Accent}}", "logoUrl": "{{LogoUrl}}", "welcomeMessage": "Care at home." },""" : "";
        var recipe = Recipe.Parse($$"""
            {
              "name": "themed-browser-tests",
              "tenant": { "theme": "{{theme}}" },
              "steps": [
                {{settings}}
                { "step": "users", "users": [ { "email": "{{hostEmail}}", "password": "Clinic-Pass-1", "displayName": "Dr Rowan Hale", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [ { "name": "Video consultation", "durations": [ 30 ], "telemed": true, "meetingProvider": "Zoom", "minimumNoticeMinutes": 60, "horizonDays": 30 } ] },
                { "step": "hosts", "hosts": [ { "user": "{{hostEmail}}", "timeZone": "Europe/London",
                    "weekly": { "Monday": "06:00-22:00", "Tuesday": "06:00-22:00", "Wednesday": "06:00-22:00", "Thursday": "06:00-22:00",
                                "Friday": "06:00-22:00", "Saturday": "06:00-22:00", "Sunday": "06:00-22:00" },
                    "services": [ "Video consultation" ] } ] }
              ]
            }
            """);
        var name = theme == "calm" ? "Willow Lane Practice" : "Harbour Street Clinic";
        return Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, branded ? name : name + " (plain)", "Europe/London"));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
