using System.Net;

namespace Telemed.Api.IntegrationTests;

/// <summary>In production, the API's own failures answer as problem details that reveal nothing inside.</summary>
public sealed class ApiFailuresShould
{
    [Fact]
    public async Task AnswerAnUnexpectedFailureWith500ProblemThatRevealsNothing()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production" },
            ownerConnectionString: await TestPostgres.CreateDatabaseAsync("apifail"), additionalModules: [typeof(FailingEndpointStartup).Assembly]);
        var clinic = await ApiClinic.CreateAsync(host);
        var key = await (await AdminKeys.SignInAsync(host, clinic)).CreateAsync("Reader", "read");
        var client = host.CreateClient();

        var failure = await Problem.ReadAsync(await client.GetWithKeyAsync(clinic.Api("/test-failure"), key), HttpStatusCode.InternalServerError);
        var unknown = await Problem.ReadAsync(await client.GetWithKeyAsync(clinic.Api("/nothing/here"), key), HttpStatusCode.NotFound);

        Assert.Contains("traceId", failure.Body);
        Assert.DoesNotContain("hunter2", failure.Body);
        Assert.DoesNotContain(nameof(InvalidOperationException), failure.Body);
        Assert.Contains("/api/v1/nothing/here", unknown.Detail);
    }
}
