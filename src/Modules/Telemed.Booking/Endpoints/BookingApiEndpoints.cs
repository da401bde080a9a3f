using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Core.Api;

namespace Telemed.Booking.Endpoints;

/// <summary>A list answer of the REST API; an object rather than a bare array, so paging can be added without breaking clients.</summary>
public sealed record ApiList<T>(IReadOnlyList<T> Data);

/// <summary>A bookable service as the REST API shows it.</summary>
public sealed record ApiService(Guid Id, string Name, string? Description, IReadOnlyList<int> DurationsMinutes, bool Telemed,
    string MeetingProvider, int Capacity, int MinimumNoticeMinutes, int HorizonDays, IReadOnlyList<Guid> HostIds);

/// <summary>A host (doctor or staff member) patients can book, with the services they offer.</summary>
public sealed record ApiHost(Guid Id, string Name, string? Bio, string TimeZone, IReadOnlyList<Guid> ServiceIds);

/// <summary>The clinic's REST API for what Booking owns: services, hosts and free times. Keys and their scopes are the API module's.</summary>
public static class BookingApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The refusals the key scheme answers, declared for the OpenAPI document.
        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags("Booking API").RequireAuthorization(ApiScopes.Policies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/services", ListServicesAsync)
            .WithName("ApiListServices")
            .WithSummary("The clinic's active services, with the lengths offered and the hosts who offer them")
            .WithDescription("Every active service, sorted by name. `hostIds` lists the active hosts who offer it; `durationsMinutes` the lengths a booking may choose.")
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Services);

        api.MapGet("/hosts", ListHostsAsync)
            .WithName("ApiListHosts")
            .WithSummary("The clinic's active hosts, with their time zone and the services they offer")
            .WithDescription("Every active host (doctor or staff member), sorted by name, with the IANA time zone their schedule is kept in.")
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Hosts);

        api.MapGet("/availability", GetAvailabilityAsync)
            .WithName("ApiAvailability")
            .WithSummary("Free slots of a service, with one host or any, between two dates in the given time zone (as the public picker sees them)")
            .WithDescription("The public time picker's own search: the same checks and the same answer. `service` is required; `host` is a host's id "
                + "or `any`; `from` and `to` are days (yyyy-MM-dd, at most 62 days apart, default a week from today) read in `tz` (IANA, default UTC); "
                + "`duration` is one of the service's lengths in minutes (default the shortest). Slot times are ISO 8601 with the offset of `tz`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Slots)
            .WithResponseExample(StatusCodes.Status400BadRequest, BookingApiExamples.InvalidQuery)
            .WithResponseExample(StatusCodes.Status404NotFound, BookingApiExamples.NoSuchService);
    }

    public static async Task<Ok<ApiList<ApiService>>> ListServicesAsync(BookingDb db, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var links = await ActiveLinksAsync(db, cancellationToken);
        return TypedResults.Ok(new ApiList<ApiService>(services.Select(s => new ApiService(s.Id, s.Name, s.Description, s.Durations, s.Telemed,
            s.MeetingProvider, s.Capacity, s.MinimumNoticeMinutes, s.HorizonDays,
            links.Where(l => l.ServiceId == s.Id).Select(l => l.HostId).ToList())).ToList()));
    }

    public static async Task<Ok<ApiList<ApiHost>>> ListHostsAsync(BookingDb db, CancellationToken cancellationToken)
    {
        var hosts = await db.Hosts.AsNoTracking().Where(h => h.Active).OrderBy(h => h.DisplayName).ToListAsync(cancellationToken);
        var links = await ActiveLinksAsync(db, cancellationToken);
        return TypedResults.Ok(new ApiList<ApiHost>(hosts.Select(h => new ApiHost(h.Id, h.DisplayName, h.Bio, h.TimeZone,
            links.Where(l => l.HostId == h.Id).Select(l => l.ServiceId).ToList())).ToList()));
    }

    /// <summary>The public picker's own search, so an integration and a visitor are always offered the same times.</summary>
    public static Task<Results<Ok<SlotsResponse>, Utf8JsonResult, ValidationProblem, ProblemHttpResult>> GetAvailabilityAsync(
        string? service, string? host, string? from, string? to, string? tz, string? duration, SlotSearch search, CancellationToken cancellationToken) =>
        search.SearchAsync(new SlotSearchRequest(service, host, from, to, Month: null, tz, duration), cancellationToken);

    /// <summary>Which active host offers which active service: what a booking through the API could use.</summary>
    private static Task<List<Models.ServiceHost>> ActiveLinksAsync(BookingDb db, CancellationToken cancellationToken) =>
        (from link in db.ServiceHosts
         join host in db.Hosts on link.HostId equals host.Id
         join service in db.Services on link.ServiceId equals service.Id
         where host.Active && service.Active
         select link).AsNoTracking().ToListAsync(cancellationToken);
}
