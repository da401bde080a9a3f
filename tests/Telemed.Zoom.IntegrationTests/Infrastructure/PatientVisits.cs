using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Data;
using Telemed.Core.Recipes;

namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>A video visit as the booking module holds it, so the patient's own pages (confirmation, manage) can be read.</summary>
public sealed record PatientVisit(Guid AppointmentId, DateTimeOffset StartUtc, string ConfirmationUrl, string ManageUrl);

public static class PatientVisits
{
    /// <summary>
    /// A Zoom video consultation with the clinic's host, starting in <paramref name="startsIn"/> (inside the Join window when
    /// short; the booking pages cannot book that close to now, so it is written as a booking would be). The caller publishes
    /// the appointment's event with <see cref="PatientVisit.AppointmentId"/>.
    /// </summary>
    public static async Task<PatientVisit> ArrangeAsync(TestHost host, ZoomClinic clinic, TimeSpan startsIn)
    {
        var recipe = Recipe.Parse($$"""
            {
              "name": "zoom-visit",
              "steps": [
                { "step": "services", "services": [ { "name": "Video consultation", "durations": [ 30 ], "telemed": true, "meetingProvider": "Zoom" } ] },
                { "step": "hosts", "hosts": [ { "user": "{{clinic.HostEmail}}", "timeZone": "UTC", "services": [ "Video consultation" ] } ] }
              ]
            }
            """);
        await host.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, clinic.Tenant);

        return await host.InTenantAsync(clinic.Tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            var serviceId = await db.Services.Where(s => s.Name == "Video consultation").Select(s => s.Id).SingleAsync();
            var hostId = await db.Hosts.Select(h => h.Id).SingleAsync();
            var start = DateTimeOffset.UtcNow + startsIn;
            var slotId = Guid.NewGuid();
            await using (var connection = await services.GetRequiredService<Database>().OpenAsync(clinic.Tenant.Id))
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO booking_slots (id, tenant_id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
                VALUES (@id, @tenant, @host, @service, @start, @end, 0, 0, tstzrange(@start, @end), 1, 1)
                """, connection))
            {
                insert.Parameters.AddWithValue("id", slotId);
                insert.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
                insert.Parameters.AddWithValue("host", hostId);
                insert.Parameters.AddWithValue("service", serviceId);
                insert.Parameters.AddWithValue("start", start.UtcDateTime);
                insert.Parameters.AddWithValue("end", start.AddMinutes(30).UtcDateTime);
                await insert.ExecuteNonQueryAsync();
            }

            var appointment = new Appointment
            {
                ServiceId = serviceId, HostId = hostId, SlotId = slotId, PatientName = "Pat Patient", PatientEmail = "patient@example.org",
                StartUtc = start, EndUtc = start.AddMinutes(30), HostTimeZone = "UTC",
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            var token = services.GetRequiredService<ManageLinks>().CreateToken(appointment.Id);
            return new PatientVisit(appointment.Id, start, $"{clinic.PathBase}/book/confirmation/{token}", $"{clinic.PathBase}/book/manage/{token}");
        });
    }

    /// <summary>The Join control of a patient page: the link it opens (null while disabled) and the note beside it.</summary>
    public static async Task<(string? Href, string Note, string Html)> JoinOnAsync(TestHost host, string url)
    {
        using var client = host.CreateClient();
        var page = await client.GetPageAsync(url);
        var join = page.QuerySelector("[data-testid=join]") ?? throw new InvalidOperationException($"{url} shows no Join control: {page.Body?.TextContent}");
        return (join is IHtmlAnchorElement anchor ? anchor.GetAttribute("href") : null,
            page.QuerySelector("[data-testid=join-note]")?.TextContent ?? "",
            page.DocumentElement.OuterHtml);
    }
}
