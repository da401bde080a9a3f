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
}
