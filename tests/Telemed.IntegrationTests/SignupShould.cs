using System.Net;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>Self-service sign-up: every bad input gets a message beside its field; a good one yields a working clinic.</summary>
public sealed class SignupShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("ab", "Use 3 to 40 characters.")]
    [InlineData("Bad_Slug", "Use lowercase letters, digits and single hyphens only")]
    [InlineData("-leading", "Use lowercase letters, digits and single hyphens only")]
    [InlineData("double--hyphen", "Use lowercase letters, digits and single hyphens only")]
    [InlineData("admin", "'admin' is reserved")]
    [InlineData("platform", "'platform' is reserved")]
    [InlineData("", "Choose a web address for the clinic.")]
    public async Task ExplainWhyAWebAddressCannotBeUsed(string slug, string message)
    {
        var (response, page) = await SubmitAsync(slug: slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.FieldError("Input.Slug"));
        if (slug.Length > 0)
        {
            var tenant = await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug.ToLowerInvariant());
            Assert.True(tenant is null || tenant.IsPlatform, $"a clinic was created at '{slug}'");
        }
    }

    [Fact]
    public async Task MarkARefusedFieldInvalidAndPointItAtItsMessage()
    {
        var (_, page) = await SubmitAsync(slug: "Bad_Slug");

        var slug = page.QuerySelector("input[name='Input.Slug']")!;
        Assert.Equal("true", slug.GetAttribute("aria-invalid"));
        Assert.Contains("is-invalid", slug.ClassList);
        // The field's own help stays described; the message is added to it.
        var describedBy = slug.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Equal(["slug-prefix", "slug-help", "Input_Slug-error"], describedBy);
        Assert.All(describedBy, id => Assert.NotNull(page.GetElementById(id)));
        Assert.Contains("Use lowercase letters, digits and single hyphens only", page.GetElementById("Input_Slug-error")!.TextContent);
        var name = page.QuerySelector("input[name='Input.ClinicName']")!;
        Assert.Null(name.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task RefuseAnAddressAlreadyTaken()
    {
        var existing = await Clinics.CreateAsync(Host);
        var (_, page) = await SubmitAsync(slug: existing.Slug);
        Assert.Contains("already taken", page.FieldError("Input.Slug"));
    }

    [Fact]
    public async Task ExplainAnInvalidEmailAndAWeakPasswordBesideTheirFields()
    {
        var (_, page) = await SubmitAsync(email: "not-an-email", password: "short");
        Assert.Equal("Enter a valid e-mail address.", page.FieldError("Input.AdminEmail"));
        Assert.Equal("Use at least 8 characters.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task CreateAClinicWhoseAdminCanSignInToTheDashboard()
    {
        var slug = $"signup-{Guid.NewGuid():N}"[..16];
        var (response, _) = await SubmitAsync(slug: slug, email: "founder@new.test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/c/{slug}/login", response.Headers.Location!.ToString());
        var admin = await Clinics.SignInAsync(Host, $"/c/{slug}", "founder@new.test", "Founder-Pass-1");
        var dashboard = await admin.GetPageAsync($"/c/{slug}/admin");
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());

        // The phone given at sign-up is the clinic's, as a link patients can tap.
        var home = await Host.CreateClient().GetPageAsync($"/c/{slug}/");
        var phone = home.QuerySelector("[data-testid=clinic-contact] a[href^='tel:']")!;
        Assert.Equal("+33 1 42 68 53 00", phone.TextContent);
        Assert.Equal("tel:+33142685300", phone.GetAttribute("href"));
    }

    [Theory]
    [InlineData("", "Enter the clinic's phone number.")]
    [InlineData("call me maybe", "Enter a valid phone number.")]
    public async Task AskForTheClinicsPhone(string phone, string message)
    {
        var slug = $"phone-{Guid.NewGuid():N}"[..15];
        var (_, page) = await SubmitAsync(slug: slug, phone: phone);
        Assert.Equal(message, page.FieldError("Input.ClinicPhone"));
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("localtime")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe//Paris")]
    [InlineData("Pacific Standard Time")]
    [InlineData("Europe/Paris/../../../../etc/passwd")]
    public async Task ExplainAnUnknownTimeZoneBesideItsField(string timeZone)
    {
        var slug = $"zone-{Guid.NewGuid():N}"[..14];

        var (response, page) = await SubmitAsync(slug: slug, timeZone: timeZone);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a known time zone", page.FieldError("Input.TimeZone"));
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    [Fact]
    public async Task LetOneAddressSignUpOnlyAFewClinicsAnHour()
    {
        var email = $"serial-{Guid.NewGuid():N}"[..15] + "@new.test";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(email: email)).Response.StatusCode);
        }
        var (response, page) = await SubmitAsync(email: email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("signed up several clinics in the last hour", page.FieldError("Input.AdminEmail"));
    }

    [Fact]
    public async Task NotBeOfferedInsideAClinic()
    {
        var clinic = await Clinics.CreateAsync(Host);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.CreateClient().GetAsync($"/c/{clinic.Slug}/signup")).StatusCode);
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> SubmitAsync(
        string? slug = null, string email = "founder@new.test", string password = "Founder-Pass-1", string timeZone = "Europe/Paris", string phone = "+33 1 42 68 53 00")
    {
        var client = Host.CreateClient();
        var form = await client.GetPageAsync("/signup");
        var response = await client.SubmitFormAsync(form, "/signup", new Dictionary<string, string>
        {
            ["Input.ClinicName"] = "New Clinic",
            ["Input.Slug"] = slug ?? $"new-{Guid.NewGuid():N}"[..12],
            ["Input.TimeZone"] = timeZone,
            ["Input.ClinicPhone"] = phone,
            ["Input.AdminName"] = "Founder",
            ["Input.AdminEmail"] = email,
            ["Input.Password"] = password,
        });
        return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
    }
}
