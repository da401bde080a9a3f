using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>A host whose public address is configured, as in production, and reached through an allowed internal name.</summary>
public sealed class PublicAddressFixture : HostFixture
{
    public const string PublicBaseUrl = "https://telemed.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Platform:PublicBaseUrl"] = PublicBaseUrl,
        ["Platform:AllowedHosts:0"] = "127.0.0.1",
    };
}

/// <summary>Links in messages come from configuration; a Host header nobody configured is refused.</summary>
public sealed partial class AbsoluteLinksShould(PublicAddressFixture fixture) : IClassFixture<PublicAddressFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task RefuseAPasswordResetPostedWithAForgedHost()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "victim@clinic.test");
        var client = Host.CreateClient();
        var forgot = await client.GetPageAsync($"/c/{clinic.Slug}/forgot-password");
        var token = forgot.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/c/{clinic.Slug}/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "victim@clinic.test", ["__RequestVerificationToken"] = token }),
        };
        forged.Headers.Host = "evil.example.com";
        var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown host", await response.Content.ReadAsStringAsync());
        Assert.Empty(await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync()));
    }

    [Fact]
    public async Task RootResetLinksAtThePlatformsPublicAddress()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "forgetful@clinic.test");
        await RequestResetAsync(clinic.Slug, "forgetful@clinic.test");

        var link = await ResetLinkAsync(clinic, "forgetful@clinic.test");
        Assert.StartsWith($"{PublicAddressFixture.PublicBaseUrl}/c/{clinic.Slug}/reset-password?email=forgetful%40clinic.test&token=", link);
    }

    [Fact]
    public async Task RootResetLinksAtTheClinicsOwnHostName()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "own-domain@clinic.test");
        await Host.GetRequiredService<TenantRegistry>().SetHostNamesAsync(clinic.Id, [$"{clinic.Slug}.clinics.test"]);
        await RequestResetAsync(clinic.Slug, "own-domain@clinic.test");

        var link = await ResetLinkAsync(clinic, "own-domain@clinic.test");
        Assert.StartsWith($"https://{clinic.Slug}.clinics.test/reset-password?", link);
    }

    [Fact]
    public async Task RootInvitationLinksAtThePublicAddress()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "inviter@clinic.test");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "inviter@clinic.test");
        var people = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/users");
        var form = people.QuerySelector("form[action*='handler=Invite']")!;
        Assert.Equal($"/c/{clinic.Slug}/admin/users?handler=Invite", form.GetAttribute("action"));

        var invited = await admin.SubmitFormAsync(people, $"/c/{clinic.Slug}/admin/users", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dr New", ["Input.Email"] = "new.doctor@clinic.test", ["Input.Role"] = "Host",
        }, handler: "Invite");

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal($"/c/{clinic.Slug}/admin/users", invited.Headers.Location!.OriginalString);
        Assert.StartsWith($"{PublicAddressFixture.PublicBaseUrl}/c/{clinic.Slug}/reset-password?", await ResetLinkAsync(clinic, "new.doctor@clinic.test"));
    }

    [Theory]
    [InlineData("evil.example.com", HttpStatusCode.BadRequest)]
    [InlineData("telemed.example.evil.com", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    [InlineData("telemed.example", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task AnswerOnlyOnThePublicAndAllowedHosts(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        var response = await Host.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnswerHealthProbesWhateverTheHost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "10.1.2.3";
        var response = await Host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task RequestResetAsync(string slug, string email)
    {
        var client = Host.CreateClient();
        var forgot = await client.GetPageAsync($"/c/{slug}/forgot-password");
        var sent = await client.SubmitFormAsync(forgot, $"/c/{slug}/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    private async Task<string> ResetLinkAsync(Tenant clinic, string email)
    {
        var messages = await Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().ListAsync());
        return LinkPattern().Match(messages.Single(m => m.Recipient == email).Body).Value;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
