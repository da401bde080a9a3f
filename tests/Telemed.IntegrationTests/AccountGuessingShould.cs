using System.Net;

namespace Telemed.IntegrationTests;

/// <summary>A host with the production limit on account forms: ten posts a minute per client address.</summary>
public sealed class AccountLimitsFixture : HostFixture
{
    public const int PostsPerMinute = 10;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:AccountPostsPerMinute"] = PostsPerMinute.ToString(),
    };
}

/// <summary>Account forms limit posts per client address (every test here shares 127.0.0.1, so there is one).</summary>
public sealed class AccountGuessingShould(AccountLimitsFixture fixture) : IClassFixture<AccountLimitsFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task LimitSignInPostsPerClientButNotPageViews()
    {
        var clinic = await Clinics.CreateAsync(Host);
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9"); // not trusted: no proxy is configured
        var statuses = new List<HttpStatusCode>();
        var login = await client.GetPageAsync($"/c/{clinic.Slug}/login");
        for (var i = 0; i <= AccountLimitsFixture.PostsPerMinute; i++)
        {
            var response = await client.SubmitFormAsync(login, $"/c/{clinic.Slug}/login", new Dictionary<string, string>
            {
                ["Input.Email"] = $"guess-{i}@clinic.test", ["Input.Password"] = "not-it",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/c/{clinic.Slug}/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/c/{clinic.Slug}/forgot-password")).StatusCode);
        // The window is shared by all account forms of the client.
        var forgot = await client.GetPageAsync($"/c/{clinic.Slug}/forgot-password");
        var reset = await client.SubmitFormAsync(forgot, $"/c/{clinic.Slug}/forgot-password", new Dictionary<string, string> { ["Email"] = "x@clinic.test" });
        Assert.Equal(HttpStatusCode.TooManyRequests, reset.StatusCode);
        Assert.NotNull(reset.Headers.RetryAfter);
    }
}
