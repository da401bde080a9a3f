using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telemed.GoogleMeet.IntegrationTests.Infrastructure;
using Telemed.GoogleMeet.Services;
using static Telemed.GoogleMeet.IntegrationTests.Infrastructure.MeetClinics;

namespace Telemed.GoogleMeet.IntegrationTests;

/// <summary>The clinic's Google Meet settings page: only its admins, errors next to the fields, the secret kept encrypted.</summary>
public sealed class GoogleMeetSettingsShould(GoogleHostFixture fixture) : IClassFixture<GoogleHostFixture>
{
    /// <summary>The settings form (the layout's sign-out form comes first on the page).</summary>
    private const string SettingsForm = "main form[method=post]";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task LetTheClinicAdminChooseInvitationsAndTheirOwnClientWithTheSecretEncrypted()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var admin = await SignInAsync(Host, clinic.PathBase, TestClinics.AdminEmail);
        var url = $"{clinic.PathBase}/admin/google-meet";
        var page = await admin.GetPageAsync(url);
        Assert.Equal($"{Host.BaseAddress.GetLeftPart(UriPartial.Authority)}{clinic.PathBase}/google/callback",
            page.QuerySelector("[data-testid=redirect-uri]")?.TextContent);

        var saved = await admin.SubmitFormAsync(page, url, formSelector: SettingsForm, fields: new Dictionary<string, string>
        {
            ["Input.Enabled"] = "true",
            ["Input.UseOwnApp"] = "true",
            ["Input.ClientId"] = "123-clinic.apps.googleusercontent.com",
            ["Input.ClientSecret"] = "GOCSPX-clinic-secret",
            ["Input.InvitePatients"] = "true",
            ["Input.SendUpdates"] = "externalOnly",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<GoogleMeetSettingsStore>().GetAsync());
        Assert.True(settings.UseOwnApp && settings.InvitePatients);
        Assert.Equal("externalOnly", settings.SendUpdates);
        Assert.Equal("123-clinic.apps.googleusercontent.com", settings.ClientId);
        Assert.DoesNotContain("GOCSPX-clinic-secret", settings.ProtectedClientSecret);
        var authorize = QueryOf(await StartConnectAsync(clinic));
        Assert.Equal("123-clinic.apps.googleusercontent.com", authorize["client_id"]);
        Assert.DoesNotContain("GOCSPX", (await admin.GetPageAsync(url)).DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("", "Enter the Client ID")]
    [InlineData("not-a-google-client", "ends with .apps.googleusercontent.com")]
    public async Task ShowAnErrorNextToTheClientIdAndKeepTheSettings(string clientId, string error)
    {
        var clinic = await CreateAsync(Host, connect: false);
        var admin = await SignInAsync(Host, clinic.PathBase, TestClinics.AdminEmail);
        var url = $"{clinic.PathBase}/admin/google-meet";

        var answer = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, formSelector: SettingsForm, fields: new Dictionary<string, string>
        {
            ["Input.UseOwnApp"] = "true",
            ["Input.ClientId"] = clientId,
            ["Input.ClientSecret"] = "secret",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(error, Html.Parse(await answer.Content.ReadAsStringAsync()).FieldError("Input.ClientId"));
        var settings = await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<GoogleMeetSettingsStore>().GetAsync());
        Assert.False(settings.UseOwnApp);
    }

    [Fact]
    public async Task AnswerAMalformedPostWithAFieldErrorNotAFailure()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var admin = await SignInAsync(Host, clinic.PathBase, TestClinics.AdminEmail);
        var url = $"{clinic.PathBase}/admin/google-meet";

        var answer = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, formSelector: SettingsForm, fields: new Dictionary<string, string>
        {
            ["Input.SendUpdates"] = "everyone'; DROP TABLE x;--",
            ["Input.ClientId"] = new string('x', 5000),
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = Html.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Choose who Google e-mails", page.FieldError("Input.SendUpdates"));
        Assert.NotEmpty(page.FieldError("Input.ClientId"));
        Assert.Equal("none", (await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<GoogleMeetSettingsStore>().GetAsync())).SendUpdates);
    }

    [Fact]
    public async Task SendAnAnonymousCallbackToSignInWithoutConnectingAnyone()
    {
        var clinic = await CreateAsync(Host, connect: false);

        var answer = await Host.CreateClient().GetAsync($"{clinic.PathBase}/google/callback?code=forged&state=%00%ff{new string('a', 3000)}");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/login", answer.Headers.Location!.ToString());
    }

    [Fact]
    public async Task RefuseHostsAndAnotherClinicsAdmin()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var other = await CreateAsync(Host, connect: false);
        var otherAdmin = await SignInAsync(Host, other.PathBase, TestClinics.AdminEmail);

        var asHost = await clinic.HostClient.GetAsync($"{clinic.PathBase}/admin/google-meet");
        var asOtherAdmin = await otherAdmin.GetAsync($"{clinic.PathBase}/admin/google-meet");
        var anonymous = await Host.CreateClient().GetAsync($"{clinic.PathBase}/admin/google-meet");

        Assert.Equal(HttpStatusCode.Redirect, asHost.StatusCode);
        Assert.Contains("/access-denied", asHost.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, asOtherAdmin.StatusCode);
        Assert.DoesNotContain("google-meet", asOtherAdmin.Headers.Location!.ToString().Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.ToString());
    }
}
