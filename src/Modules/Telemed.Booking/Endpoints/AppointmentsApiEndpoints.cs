using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Api;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Endpoints;

/// <summary>
/// The clinic's appointments over the REST API: book (with an Idempotency-Key), read, list, reschedule, cancel, and
/// record the outcome. Each goes through the same services as the site's pages, under the same rules; an API key with
/// the manage scope acts as the clinic's staff (it may move inside the minimum notice and must give a reason to cancel).
/// </summary>
public static class AppointmentsApiEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix + "/appointments").WithTags("Appointments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("", BookAsync).RequireAuthorization(ApiScopes.Policies.Book)
            .WithName("ApiBookAppointment")
            .WithSummary("Books an appointment at a time /availability offers; send an Idempotency-Key so a retried request books once")
            .Accepts<ApiBookingInput>("application/json")
            .Produces<ApiAppointment>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AcceptsIdempotencyKey()
            .WithDescription("The time must be one /availability offers (the database refuses a double booking: 409). With an Idempotency-Key, "
                + "a repeat of the request (a retry after a lost answer, or copies racing) answers 201 with the appointment the key booked and "
                + "Idempotent-Replayed: true, and books nothing more; the same key with a different request is refused with 422.")
            .WithRequestExample(BookingApiExamples.Booking)
            .WithResponseExample(StatusCodes.Status201Created, BookingApiExamples.Booked)
            .WithResponseExample(StatusCodes.Status409Conflict, BookingApiExamples.Taken)
            .WithResponseExample(StatusCodes.Status422UnprocessableEntity, BookingApiExamples.KeyReused);

        api.MapGet("", ListAsync).RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiListAppointments")
            .WithSummary("The clinic's appointments by start time, filtered, a page at a time (pass nextCursor back as cursor)")
            .WithDescription("Filters: status, hostId, serviceId, patientEmail (any case), from and to (instants bounding the start). "
                + "limit is 1 to 100 (50 by default); nextCursor is null on the last page.")
            .Produces<ApiPage<ApiAppointment>>()
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Page)
            .ProducesValidationProblem();

        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiGetAppointment")
            .WithSummary("One appointment")
            .WithResponseExample(StatusCodes.Status200OK, BookingApiExamples.Booked)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/reschedule", RescheduleAsync).RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiRescheduleAppointment")
            .WithSummary("Moves a confirmed appointment to another free start with the same host and length; its meeting follows")
            .Accepts<ApiRescheduleInput>("application/json")
            .Produces<ApiAppointment>()
            .WithRequestExample(new ApiRescheduleInput { Start = "2026-12-09T11:30:00+01:00" })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiCancelAppointment")
            .WithSummary("Cancels a confirmed appointment with a reason the patient is told; its time is free again")
            .Accepts<ApiCancelInput>("application/json")
            .Produces<ApiAppointment>()
            .WithRequestExample(new ApiCancelInput { Reason = "The doctor is unwell; we will call to rebook." })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{id:guid}/complete", (Guid id, AppointmentActions actions, AppointmentQueries queries, CancellationToken cancellationToken) =>
                RecordOutcomeAsync(id, attended: true, actions, queries, cancellationToken))
            .RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiCompleteAppointment")
            .WithSummary("Records that the visit took place (once it has started)")
            .Produces<ApiAppointment>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{id:guid}/no-show", (Guid id, AppointmentActions actions, AppointmentQueries queries, CancellationToken cancellationToken) =>
                RecordOutcomeAsync(id, attended: false, actions, queries, cancellationToken))
            .RequireAuthorization(ApiScopes.Policies.Manage)
            .WithName("ApiNoShowAppointment")
            .WithSummary("Records that the patient did not come (once the visit has started)")
            .Produces<ApiAppointment>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<IResult> BookAsync(HttpRequest request, BookingService booking, BookingDb db, AppointmentQueries queries,
        TenantContext tenantContext, CancellationToken cancellationToken)
    {
        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length > BookingIdempotency.MaxKeyLength || (request.Headers.ContainsKey(IdempotencyHeader) && string.IsNullOrWhiteSpace(key)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [$"Give a key of 1 to {BookingIdempotency.MaxKeyLength} characters, such as a UUID, unique to this booking."],
            });
        }
        var (input, problem) = await ApiInput.ReadAsync<ApiBookingInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Dictionary<string, string[]>();
        if (!TimeInput.TryReadInstant(input!.Start, out var start))
        {
            errors["start"] = [TimeInput.InstantMessage];
        }
        var zone = input.Patient!.TimeZone ?? tenantContext.Required.TimeZone;
        if (!VisitorZones.TryFind(zone, out _))
        {
            errors["patient.timeZone"] = ["Give an IANA time zone such as Europe/London."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var minutes = input.DurationMinutes
            ?? await db.Services.AsNoTracking().Where(s => s.Id == input.ServiceId && s.Active).Select(s => (int?)s.Durations.Min()).FirstOrDefaultAsync(cancellationToken)
            ?? 0;
        var patient = new PatientInfo(input.Patient.Name!, input.Patient.Email!, input.Patient.Phone, zone, input.Notes, UserId: null);
        var result = await booking.BookAsync(
            new BookingRequest(input.ServiceId!.Value, input.HostId, start, minutes, patient) { IdempotencyKey = key.Length == 0 ? null : key },
            cancellationToken);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }
        if (result.Replayed)
        {
            request.HttpContext.Response.Headers[ReplayedHeader] = "true";
        }
        var row = await queries.FindAsync(result.Appointment!.Id, cancellationToken);
        return TypedResults.Created($"{request.PathBase}{ApiRoutes.Prefix}/appointments/{row!.Appointment.Id}", ApiAppointment.From(row));
    }

    public static async Task<Results<Ok<ApiAppointment>, ProblemHttpResult>> GetAsync(Guid id, AppointmentQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } row ? TypedResults.Ok(ApiAppointment.From(row)) : NotFound();

    public static async Task<Results<Ok<ApiPage<ApiAppointment>>, ValidationProblem>> ListAsync(
        string? status, string? hostId, string? serviceId, string? patientEmail, string? from, string? to, string? limit, string? cursor,
        AppointmentQueries queries, CancellationToken cancellationToken)
    {
        // Read as text, so a malformed value gets a field error rather than the framework's empty 400.
        var errors = new Dictionary<string, string[]>();
        var host = ReadId(hostId, "hostId", "a host's", errors);
        var service = ReadId(serviceId, "serviceId", "a service's", errors);
        if (status is not null && !AppointmentStatus.All.Contains(status))
        {
            errors["status"] = [$"Give one of {string.Join(", ", AppointmentStatus.All)}."];
        }
        DateTimeOffset? fromUtc = null, toUtc = null;
        if (from is not null)
        {
            if (TimeInput.TryReadInstant(from, out var parsed)) { fromUtc = parsed; } else { errors["from"] = [TimeInput.InstantMessage]; }
        }
        if (to is not null)
        {
            if (TimeInput.TryReadInstant(to, out var parsed)) { toUtc = parsed; } else { errors["to"] = [TimeInput.InstantMessage]; }
        }
        var size = ApiPaging.ReadLimit(limit, errors);
        AppointmentCursor? after = null;
        if (cursor is not null)
        {
            if (AppointmentCursor.TryRead(cursor, out var read)) { after = read; } else { errors["cursor"] = [ApiPaging.CursorMessage]; }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await queries.PageAsync(new AppointmentSearch(status, host, service, patientEmail?.Trim(), fromUtc, toUtc), after, size + 1, cancellationToken);
        var next = rows.Count > size ? AppointmentCursor.Of(rows[size - 1].Appointment).ToString() : null;
        return TypedResults.Ok(new ApiPage<ApiAppointment>(rows.Take(size).Select(ApiAppointment.From).ToList(), next));
    }

    public static async Task<IResult> RescheduleAsync(Guid id, HttpRequest request, BookingService booking, AppointmentQueries queries, CancellationToken cancellationToken)
    {
        var (input, problem) = await ApiInput.ReadAsync<ApiRescheduleInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!TimeInput.TryReadInstant(input!.Start, out var start))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = [TimeInput.InstantMessage] });
        }
        return await AnswerAsync(await booking.RescheduleAsync(id, start, ActingKey(request.HttpContext.User), enforceNotice: false, cancellationToken), queries, cancellationToken);
    }

    public static async Task<IResult> CancelAsync(Guid id, HttpRequest request, AppointmentActions actions, AppointmentQueries queries, CancellationToken cancellationToken)
    {
        var (input, problem) = await ApiInput.ReadAsync<ApiCancelInput>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await AnswerAsync(await actions.CancelAsync(id, input!.Reason!, ActingKey(request.HttpContext.User), enforceNotice: false, cancellationToken), queries, cancellationToken);
    }

    private static async Task<IResult> RecordOutcomeAsync(Guid id, bool attended, AppointmentActions actions, AppointmentQueries queries, CancellationToken cancellationToken) =>
        await AnswerAsync(await actions.RecordOutcomeAsync(id, attended, cancellationToken), queries, cancellationToken);

    private static async Task<IResult> AnswerAsync(BookingResult result, AppointmentQueries queries, CancellationToken cancellationToken) =>
        result.Succeeded && await queries.FindAsync(result.Appointment!.Id, cancellationToken) is { } row
            ? TypedResults.Ok(ApiAppointment.From(row))
            : Refusal(result);

    private static Guid? ReadId(string? text, string field, string whose, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        errors[field] = [$"Give {whose} id."];
        return null;
    }

    /// <summary>Who made a change, as staff pages and the patient's history show it.</summary>
    private static string ActingKey(ClaimsPrincipal key) => $"API key {key.FindFirstValue(ClaimTypes.Name)}";

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("This clinic has no appointment with this id.", statusCode: StatusCodes.Status404NotFound, title: "No such appointment");

    /// <summary>A refused change as a problem: the service's own message, with its status.</summary>
    private static ProblemHttpResult Refusal(BookingResult result) => TypedResults.Problem(result.Message, statusCode: result.StatusCode, title: result.Failure switch
    {
        BookingFailure.NotFound => "Not found",
        BookingFailure.Taken => "Time taken",
        BookingFailure.Changed => "Changed meanwhile",
        BookingFailure.KeyReused => "Idempotency-Key reused",
        BookingFailure.InThePast => "Time has passed",
        BookingFailure.Unavailable => "Time not offered",
        BookingFailure.TooLateToChange => "Too late to change",
        _ => "Not possible",
    });
}

/// <summary>Where a page of appointments ended: its last start and id, opaque to clients.</summary>
public readonly record struct AppointmentCursor(DateTimeOffset StartUtc, Guid Id)
{
    public static AppointmentCursor Of(Appointment appointment) => new(appointment.StartUtc, appointment.Id);

    public override string ToString() => ApiPaging.Encode(string.Create(CultureInfo.InvariantCulture, $"{StartUtc.UtcTicks}:{Id:N}"));

    public static bool TryRead(string text, out AppointmentCursor cursor)
    {
        cursor = default;
        var parts = ApiPaging.TryDecode(text, out var position) ? position.Split(':') : [];
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
        {
            cursor = new AppointmentCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        return false;
    }
}
