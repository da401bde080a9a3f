using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Telemed.Booking.Availability;
using Telemed.Booking.Catalog;
using Telemed.Booking.Services;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Endpoints;

/// <summary>A request for free slots as it arrives in a query string: every value is text, checked by <see cref="SlotSearch"/>.</summary>
public sealed record SlotSearchRequest(string? Service, string? Host, string? From, string? To, string? Month, string? Tz, string? Duration);

/// <summary>
/// Answers "which slots are free" for the public picker (<c>/booking/slots</c>) and the REST API (<c>/api/v1/availability</c>)
/// alike: one validation, one set of messages, one answer, so an integration sees exactly what a visitor sees.
/// </summary>
public sealed class SlotSearch(CatalogReader reader, BookingCatalogs catalogs, TenantContext tenantContext, IOptions<JsonOptions> json, TimeProvider clock)
{
    /// <summary>The days one request covers when it does not say.</summary>
    public const int DefaultDays = 7;

    public async Task<Results<Ok<SlotsResponse>, Utf8JsonResult, ValidationProblem, ProblemHttpResult>> SearchAsync(SlotSearchRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.Service, out var serviceId))
        {
            errors["service"] = ["Give the service's id."];
        }
        Guid? hostId = null;
        if (!string.IsNullOrEmpty(request.Host) && request.Host != "any")
        {
            if (Guid.TryParse(request.Host, out var parsedHost)) { hostId = parsedHost; }
            else { errors["host"] = ["Give a host's id, or 'any'."]; }
        }
        if (!VisitorZones.TryFind(string.IsNullOrEmpty(request.Tz) ? "UTC" : request.Tz, out var zone))
        {
            errors["tz"] = ["Give an IANA time zone such as Europe/London."];
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var (first, last) = string.IsNullOrEmpty(request.Month)
            ? TimeInput.ReadDays(request.From, request.To, today, DefaultDays, errors)
            : ReadMonth(request.Month, request.From, request.To, today, errors);
        int? minutes = null;
        if (!string.IsNullOrEmpty(request.Duration))
        {
            if (int.TryParse(request.Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) { minutes = parsed; }
            else { errors["duration"] = ["Give the length in minutes."]; }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The same question within a clinic's unchanged data gets the same bytes: taken from memory while this node hears
        // every change, and only until the passing of time could change the answer (see SlotFinder.UnchangedUntil).
        var now = clock.GetUtcNow();
        var trusted = catalogs.Trusted;
        var memory = catalogs.For(tenantContext.Required.Id);
        var key = new SlotAnswerKey(serviceId, hostId, first, last, zone.Id, minutes);
        if (trusted && memory.Answers.TryGet(key, now, out var remembered))
        {
            return new Utf8JsonResult(remembered);
        }

        var range = VisitorTime.DaysToUtc(first, last, zone);
        var (catalog, holds) = await reader.WithHoldsAsync(serviceId, range, cancellationToken);
        var found = catalog.FindService(serviceId);
        if (found is null)
        {
            return NotFound("No such service", "This clinic offers no service with this id.");
        }
        var length = minutes ?? found.Durations.Min();
        if (!found.Offers(length))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["duration"] = [$"{found.Name} is offered for {string.Join(", ", found.Durations)} minutes."],
            });
        }
        var hosts = catalog.HostsOffering(found.Id, hostId);
        if (hostId is not null && hosts.Count == 0)
        {
            return NotFound("No such host", "No host with this id offers this service.");
        }

        var rules = found.RulesFor(length);
        var slots = SlotFinder.Find(found, hosts, catalog.ScheduleOf, length, range, holds, now);
        var answer = new SlotsResponse(found.Id, zone.Id, length,
            first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            slots.Select(s => new SlotJson(
                VisitorTime.ToIso8601(s.Slot.Start, zone), VisitorTime.ToIso8601(s.Slot.End, zone),
                s.Host.Id, s.Host.DisplayName, s.Slot.SeatsLeft)).ToList());
        if (!trusted || SlotFinder.UnchangedUntil(slots, rules, range, now) is not { } validUntil)
        {
            return TypedResults.Ok(answer);
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions.GetTypeInfo(typeof(SlotsResponse)));
        memory.Answers.Keep(key, bytes, validUntil);
        return new Utf8JsonResult(bytes);
    }

    /// <summary>The days of <paramref name="month"/> (yyyy-MM), which the month calendar asks for instead of 'from' and 'to'.</summary>
    private static (DateOnly First, DateOnly Last) ReadMonth(string month, string? from, string? to, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            errors["month"] = ["Give either 'month' or 'from' and 'to', not both."];
            return (today, today);
        }
        if (!TimeInput.TryReadMonth(month, out var first))
        {
            errors["month"] = [TimeInput.MonthMessage];
            return (today, today);
        }
        return (first, first.AddMonths(1).AddDays(-1));
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}

/// <summary>JSON already written (an answer given again from memory): sent as it is, as <c>Ok</c> would have sent it.</summary>
public sealed class Utf8JsonResult(byte[] json) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = json.Length;
        return httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }
}
