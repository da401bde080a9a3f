using System.Net;

namespace Telemed.Api.IntegrationTests;

/// <summary>/api/v1/availability answers as the public picker's /booking/slots does, with the same checks.</summary>
public sealed class AvailabilityApiShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("any", "UTC", "")]
    [InlineData("{doctor}", "America/New_York", "")]
    [InlineData("any", "Asia/Kolkata", "&duration=60")]
    public async Task AnswerAsThePublicSlotsEndpointDoes(string host, string tz, string extra)
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");
        // From tomorrow: no slot of today can close between the two calls.
        var query = $"?service={clinic.Consultation}&host={host.Replace("{doctor}", clinic.Doctor.ToString())}"
            + $"&from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(4):yyyy-MM-dd}&tz={Uri.EscapeDataString(tz)}{extra}";
        var client = Host.CreateClient();

        var api = await client.GetWithKeyAsync(clinic.Api($"/availability{query}"), key);
        var picker = await client.GetAsync($"{clinic.PathBase}/booking/slots{query}");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        var answer = await api.Content.ReadAsStringAsync();
        Assert.Equal(await picker.Content.ReadAsStringAsync(), answer);
        Assert.Contains("\"slots\":[{", answer);
    }

    [Fact]
    public async Task ReturnFieldErrorsForABadQuery()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");

        var response = await Host.CreateClient().GetWithKeyAsync(
            clinic.Api("/availability?service=massage&host=someone&from=2026-13-01&tz=Mars%2FOlympus&duration=long"), key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["duration", "from", "host", "service", "tz"], problem.Errors.Keys.Order());
        Assert.Contains("IANA time zone", problem.Errors["tz"].Single());
        Assert.Contains("yyyy-MM-dd", problem.Errors["from"].Single());
    }

    [Fact]
    public async Task RefuseALengthTheServiceDoesNotOffer()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api($"/availability?service={clinic.Consultation}&duration=45"), key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("30, 60 minutes", problem.Errors["duration"].Single());
    }

    [Fact]
    public async Task AnswerAnUnknownServiceWith404Problem()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var other = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");

        // Another clinic's service is not this clinic's: it is as unknown as a made-up id.
        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api($"/availability?service={other.Consultation}"), key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no service with this id", problem.Detail);
    }
}
