using System.Net;
using Telemed.Core.Tenancy;

namespace Telemed.Api.IntegrationTests;

/// <summary>Before any key is read, a call to an unknown or suspended clinic's API is answered as problem details, not a page.</summary>
public sealed class ApiAddressesShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task AnswerAnUnknownClinicWith404Problem()
    {
        var response = await Host.CreateClient().GetWithKeyAsync("/c/no-such-clinic/api/v1/services", key: null);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no clinic 'no-such-clinic'", problem.Detail);
    }

    [Fact]
    public async Task AnswerASuspendedClinicWith503ProblemAndRetryAfter()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");
        await Host.GetRequiredService<TenantRegistry>().SetStateAsync(clinic.Tenant.Id, TenantState.Suspended);

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api("/services"), key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("temporarily unavailable", problem.Detail);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain(clinic.ServiceName, problem.Body);
    }

    [Fact]
    public async Task KeepShowingPagesForTheClinicsSite()
    {
        var response = await Host.CreateClient().GetAsync("/c/no-such-clinic/book");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
