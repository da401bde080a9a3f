using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;

namespace Telemed.Meetings.Tests.Infrastructure;

/// <summary>Books, moves and cancels the way a patient does, through the clinic's public pages.</summary>
public sealed class PublicBooking(TestHost host, FakeClinic clinic)
{
    private readonly TestClient _browser = host.CreateClient();

    public async Task<IReadOnlyList<SlotJson>> SlotsAsync()
    {
        var from = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        var response = await _browser.GetFromJsonAsync<SlotsResponse>($"{clinic.PathBase}/booking/slots?service={clinic.Service}&host={clinic.Host}&from={from}&to={to}&tz=UTC");
        return response!.Slots;
    }

    /// <summary>Books a slot and returns the appointment and its manage link.</summary>
    public async Task<(Guid AppointmentId, string ManageUrl)> BookAsync(string start, string email)
    {
        var details = $"{clinic.PathBase}/book/{clinic.Service}/details?host={clinic.Host}&start={Uri.EscapeDataString(start)}&duration=30&tz=UTC";
        var response = await _browser.SubmitFormAsync(await _browser.GetPageAsync(details), details,
            new Dictionary<string, string> { ["Input.Name"] = "Pat Fake", ["Input.Email"] = email, ["Input.Phone"] = "+44 20 7946 0002" },
            formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var token = response.Headers.Location!.ToString().Split('/').Last();
        var id = await host.InTenantAsync(clinic.Tenant, services =>
            services.GetRequiredService<BookingDb>().Appointments.Where(a => a.PatientEmail == email).Select(a => a.Id).SingleAsync());
        return (id, $"{clinic.PathBase}/book/manage/{token}");
    }

    public async Task MoveAsync(string manageUrl, string start)
    {
        var url = $"{manageUrl}/reschedule?start={Uri.EscapeDataString(start)}&tz=UTC";
        var moved = await _browser.SubmitFormAsync(await _browser.GetPageAsync(url), url, new Dictionary<string, string>(), formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    public async Task CancelAsync(string manageUrl)
    {
        var confirmUrl = $"{manageUrl}/cancel";
        var cancelled = await _browser.SubmitFormAsync(await _browser.GetPageAsync(confirmUrl), confirmUrl,
            new Dictionary<string, string> { ["Reason"] = "Feeling better" }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
    }

    public Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url) => _browser.GetPageAsync(url);
}
