using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Messaging;

namespace Telemed.IntegrationTests;

/// <summary>Login, lockout after repeated failures, and password reset by e-mailed link.</summary>
public sealed partial class SignInShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task SayWhenTheEmailOrPasswordIsWrong()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "someone@clinic.test");
        var client = Host.CreateClient();
        var login = await client.GetPageAsync($"/c/{clinic.Slug}/login");
        var response = await client.SubmitFormAsync(login, $"/c/{clinic.Slug}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@clinic.test", ["Input.Password"] = "wrong-password",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LockAnAccountAfterFiveFailuresEvenAgainstTheRightPassword()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "target@clinic.test");
        var client = Host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(client, clinic.Slug, "target@clinic.test", $"guess-{i}");
        }
        var body = await PostLoginAsync(client, clinic.Slug, "target@clinic.test", Clinics.Password);
        Assert.Contains("Too many failed attempts for this e-mail address", body);
    }

    [Fact]
    public async Task ResetAPasswordThroughTheLinkInTheMessageLog()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "forgetful@clinic.test");
        var client = Host.CreateClient();
        var forgot = await client.GetPageAsync($"/c/{clinic.Slug}/forgot-password");
        var sent = await client.SubmitFormAsync(forgot, $"/c/{clinic.Slug}/forgot-password", new Dictionary<string, string> { ["Email"] = "forgetful@clinic.test" });
        Assert.Contains("a reset link is on its way", await sent.Content.ReadAsStringAsync());

        var messages = await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync());
        var link = LinkPattern().Match(messages.Single(m => m.Recipient == "forgetful@clinic.test").Body).Value;
        var resetUrl = new Uri(link).PathAndQuery;
        Assert.StartsWith($"/c/{clinic.Slug}/reset-password", resetUrl);

        var reset = await client.GetPageAsync(resetUrl);
        var done = await client.SubmitFormAsync(reset, resetUrl, new Dictionary<string, string>
        {
            ["Password"] = "Brand-New-Pass-2", ["ConfirmPassword"] = "Brand-New-Pass-2",
        });
        Assert.Contains("Your password has been changed", await done.Content.ReadAsStringAsync());
        await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "forgetful@clinic.test", "Brand-New-Pass-2");

        var reused = await client.SubmitFormAsync(reset, resetUrl, new Dictionary<string, string>
        {
            ["Password"] = "Another-Pass-3", ["ConfirmPassword"] = "Another-Pass-3",
        });
        Assert.Contains("not valid any more", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NotRevealWhetherAnAccountExists()
    {
        var clinic = await Clinics.CreateAsync(Host);
        var client = Host.CreateClient();
        var forgot = await client.GetPageAsync($"/c/{clinic.Slug}/forgot-password");
        var sent = await client.SubmitFormAsync(forgot, $"/c/{clinic.Slug}/forgot-password", new Dictionary<string, string> { ["Email"] = "ghost@clinic.test" });
        Assert.Contains("a reset link is on its way", await sent.Content.ReadAsStringAsync());
        Assert.Empty(await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync()));
    }

    [Fact]
    public async Task AnswerAnUnknownEmailExactlyAsALockedAccount()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "real@clinic.test");
        var known = await FailuresAsync(clinic.Slug, "real@clinic.test", 6);
        var unknown = await FailuresAsync(clinic.Slug, "nobody@clinic.test", 6);

        Assert.Equal(known, unknown);
        Assert.Equal("The e-mail or password is not right.", known[0]);
        Assert.Equal(Telemed.Identity.Pages.Account.LoginModel.LockedMessage, known[4]);
        Assert.Equal(Telemed.Identity.Pages.Account.LoginModel.LockedMessage, known[5]);
    }

    [Fact]
    public async Task SendAtMostThreeResetMessagesToOneAddressAWhile()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "flooded@clinic.test");
        for (var i = 0; i < 5; i++)
        {
            var client = Host.CreateClient();
            var forgot = await client.GetPageAsync($"/c/{clinic.Slug}/forgot-password");
            var sent = await client.SubmitFormAsync(forgot, $"/c/{clinic.Slug}/forgot-password", new Dictionary<string, string> { ["Email"] = "flooded@clinic.test" });
            Assert.Contains("a reset link is on its way", await sent.Content.ReadAsStringAsync());
        }
        var messages = await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync());
        Assert.Equal(3, messages.Count(m => m.Recipient == "flooded@clinic.test"));
    }

    [Fact]
    public async Task TakeAPatientToTheirAppointmentsAfterSigningIn()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "boss@clinic.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "boss@clinic.test");
        var people = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/users");
        await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Ient", ["Input.Email"] = "pat@clinic.test", ["Input.Role"] = "Patient",
        }, handler: "Invite");
        var messages = await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync());
        var resetUrl = new Uri(LinkPattern().Match(messages.Single(m => m.Recipient == "pat@clinic.test").Body).Value).PathAndQuery;
        var patient = Host.CreateClient();
        var reset = await patient.GetPageAsync(resetUrl);
        await patient.SubmitFormAsync(reset, resetUrl, new Dictionary<string, string> { ["Password"] = "Patient-Pass-1", ["ConfirmPassword"] = "Patient-Pass-1" });

        var signedIn = Host.CreateClient();
        var login = await signedIn.GetPageAsync($"/c/{clinic.Slug}/login");
        var landed = await signedIn.SubmitFormAsync(login, $"/c/{clinic.Slug}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = "pat@clinic.test", ["Input.Password"] = "Patient-Pass-1",
        });
        var home = landed.Headers.Location!.OriginalString;
        Assert.Equal($"/c/{clinic.Slug}/my/appointments", home);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(home)).StatusCode);
    }

    private async Task<List<string>> FailuresAsync(string slug, string email, int attempts)
    {
        var messages = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            // A fresh client per attempt, as a guesser rotating addresses would be (all are 127.0.0.1 here, so stay under the per-client limit).
            var client = Host.CreateClient();
            var login = await client.GetPageAsync($"/c/{slug}/login");
            var response = await client.SubmitFormAsync(login, $"/c/{slug}/login", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = $"guess-{i}",
            });
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            messages.Add(page.QuerySelector(".validation-summary-errors li, [data-valmsg-summary] li")?.TextContent.Trim() ?? "");
        }
        return messages;
    }
    private static async Task<string> PostLoginAsync(HttpClient client, string slug, string email, string password)
    {
        var login = await client.GetPageAsync($"/c/{slug}/login");
        var response = await client.SubmitFormAsync(login, $"/c/{slug}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
