using System.Net;

namespace Telemed.Booking.IntegrationTests;

public static class SignIn
{
    /// <summary>Signs in through the clinic's login form and returns the client holding the cookie.</summary>
    public static async Task<TestClient> AsAsync(BookingHost host, BookingClinic clinic, string email)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{clinic.PathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{clinic.PathBase}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BookingClinic.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
