using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Telemed.Booking.Endpoints;

/// <summary>What the Booking API endpoints answer, as examples for the clinic's OpenAPI document (same records the endpoints return).</summary>
internal static class BookingApiExamples
{
    private static readonly Guid Service = Guid.Parse("3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b");
    private static readonly Guid Host = Guid.Parse("8d7c6b5a-4e3f-4a2b-8c1d-0e9f8a7b6c5d");

    public static readonly ApiList<ApiService> Services = new(
    [
        new ApiService(Service, "Video consultation", "A 30 or 60 minute consultation by video.", [30, 60], Telemed: true,
            MeetingProvider: "Zoom", Capacity: 1, MinimumNoticeMinutes: 120, HorizonDays: 60, HostIds: [Host]),
    ]);

    public static readonly ApiList<ApiHost> Hosts = new(
    [
        new ApiHost(Host, "Dr Alice Martin", "General practitioner.", "Europe/Paris", [Service]),
    ]);

    public static readonly SlotsResponse Slots = new(Service, "Europe/Paris", 30, "2026-12-08", "2026-12-14",
    [
        new SlotJson("2026-12-08T09:00:00+01:00", "2026-12-08T09:30:00+01:00", Host, "Dr Alice Martin", 1),
        new SlotJson("2026-12-08T09:30:00+01:00", "2026-12-08T10:00:00+01:00", Host, "Dr Alice Martin", 1),
    ]);

    public static readonly HttpValidationProblemDetails InvalidQuery = new(new Dictionary<string, string[]>
    {
        ["service"] = ["Give the service's id."],
        ["tz"] = ["Give an IANA time zone such as Europe/London."],
    })
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        Title = "One or more validation errors occurred.",
        Status = StatusCodes.Status400BadRequest,
    };

    public static readonly ProblemDetails NoSuchService = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Title = "No such service",
        Status = StatusCodes.Status404NotFound,
        Detail = "This clinic offers no service with this id.",
    };

    private static readonly Guid Appointment = Guid.Parse("5c4b3a29-1807-4f6e-8d5c-4b3a29180716");

    public static readonly ApiBookingInput Booking = new()
    {
        ServiceId = Service,
        HostId = Host,
        Start = "2026-12-08T09:00:00+01:00",
        DurationMinutes = 30,
        Patient = new ApiPatientInput { Name = "Sam Patel", Email = "sam@example.com", Phone = "+44 20 7946 0000", TimeZone = "Europe/London" },
        Notes = "Follow-up on blood test results.",
    };

    public static readonly ApiAppointment Booked = new(Appointment, "confirmed", Service, "Video consultation", Host, "Dr Alice Martin", "Europe/Paris",
        new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 8, 30, 0, TimeSpan.Zero), 30,
        new ApiPatient("Sam Patel", "sam@example.com", "+44 20 7946 0000", "Europe/London"), "Follow-up on blood test results.",
        null, null, 1, new DateTimeOffset(2026, 12, 1, 14, 2, 11, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 14, 2, 11, TimeSpan.Zero));

    public static readonly ApiPage<ApiAppointment> Page = new([Booked], "NjM5MDAzNDU2MDAwMDAwMDAwOjVjNGIzYTI5");

    public static readonly ApiPage<ApiPatientSummary> Patients = new(
        [new ApiPatientSummary("sam@example.com", "Sam Patel", "+44 20 7946 0000", "Europe/London", 3,
            new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero))],
        null);

    public static readonly ProblemDetails Taken = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        Title = "Time taken",
        Status = StatusCodes.Status409Conflict,
        Detail = Telemed.Booking.Services.BookingResult.TakenMessage,
    };

    public static readonly ProblemDetails KeyReused = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        Title = "Idempotency-Key reused",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = "This Idempotency-Key was already used for a different booking request. Use a new key for a new booking.",
    };
}
