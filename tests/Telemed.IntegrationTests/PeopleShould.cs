using System.Net;
using System.Text.RegularExpressions;

namespace Telemed.IntegrationTests;

/// <summary>A clinic admin invites staff; the invitation arrives in the message log and lets them choose a password.</summary>
public sealed partial class PeopleShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task LetAnInvitedDoctorChooseAPasswordAndSignIn()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "lead@clinic.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "lead@clinic.test");
        var people = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/users");
        var invite = await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dr Nia Okafor", ["Input.Email"] = "nia@clinic.test", ["Input.Role"] = "Host",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);

        var log = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/messages");
        var invitation = log.QuerySelectorAll("article").Single(a => a.TextContent.Contains("nia@clinic.test"));
        Assert.Contains($"You're invited to {clinic.Name}", invitation.TextContent);
        var link = new Uri(LinkPattern().Match(invitation.TextContent).Value).PathAndQuery;

        var doctor = Host.CreateClient();
        var reset = await doctor.GetPageAsync(link);
        await doctor.SubmitFormAsync(reset, link, new Dictionary<string, string> { ["Password"] = "Nia-Pass-123", ["ConfirmPassword"] = "Nia-Pass-123" });
        var signedIn = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "nia@clinic.test", "Nia-Pass-123");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/c/{clinic.Slug}/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.GetAsync($"/c/{clinic.Slug}/admin/users")).StatusCode);
    }

    [Fact]
    public async Task RefuseAnInvitationWithABadEmailOrADuplicate()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "lead@clinic.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "lead@clinic.test");
        var people = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/users");

        var bad = Html.Parse(await (await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "X", ["Input.Email"] = "nope", ["Input.Role"] = "Host",
        }, handler: "Invite")).Content.ReadAsStringAsync());
        Assert.Equal("Enter a valid e-mail address.", bad.FieldError("Input.Email"));

        var duplicate = Html.Parse(await (await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Again", ["Input.Email"] = "lead@clinic.test", ["Input.Role"] = "Host",
        }, handler: "Invite")).Content.ReadAsStringAsync());
        Assert.Equal("Someone at this clinic already uses that e-mail.", duplicate.FieldError("Input.Email"));

        var platformRole = Html.Parse(await (await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Escalation", ["Input.Email"] = "root@clinic.test", ["Input.Role"] = "PlatformAdmin",
        }, handler: "Invite")).Content.ReadAsStringAsync());
        Assert.Equal("Choose one of the roles listed.", platformRole.FieldError("Input.Role"));
    }

    [Fact]
    public async Task ShowThePlatformItsOperatorsAndKeepClinicsOffThatRoute()
    {
        var operators = await Clinics.SignInAsync(Host, "", "operator@telemed.local", "Operator123!");
        var page = await operators.GetPageAsync("/platform/users");
        Assert.Equal("Operators", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/platform/users?handler=Invite", page.QuerySelector("form[action*='handler=Invite']")!.GetAttribute("action"));

        var clinic = await Clinics.CreateAsync(Host, adminEmail: "crosswise@clinic.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "crosswise@clinic.test");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/c/{clinic.Slug}/platform/users")).StatusCode);
        Assert.Equal("People", (await admin.GetPageAsync($"/c/{clinic.Slug}/admin/users")).QuerySelector("h1")!.TextContent.Trim());
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
