using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Telemed.Core.Api;
using Telemed.Core.Clinic;
using Telemed.Meetings.Links;
using Telemed.Meetings.Planning;

namespace Telemed.Meetings.Endpoints;

/// <summary>An appointment's video meeting as an integration sees it: what the patient gets, never the host's start link.</summary>
public sealed record ApiMeeting(Guid AppointmentId, string Provider, string ProviderName, string State, string? JoinUrl, string? Passcode,
    DateTimeOffset? JoinOpensAt, DateTimeOffset? ClosesAt, string? Note);

/// <summary>The host's start link, fetched from the provider now (start links go stale); it signs its bearer in as the host.</summary>
public sealed record ApiStartLink(Guid AppointmentId, string Provider, string StartUrl, bool Fresh);

/// <summary>
/// Appointments' meetings over the REST API. Reads come from the meetings module's own records; changes go through
/// <see cref="IMeetingScheduler"/> like the clinic's workflows, so the provider work follows as a job with its retries
/// and the answer is 202 with the meeting as it stands (a new one is "pending" until the provider has made it).
/// </summary>
public static class MeetingsApiEndpoints
{
    private static readonly ApiMeeting Example = new(Guid.Parse("5c4b3a29-1807-4f6e-8d5c-4b3a29180716"), "zoom", "Zoom", "created",
        "https://zoom.us/j/93746251840?pwd=Q2xpbmljRGVtbw", "482913", new DateTimeOffset(2026, 12, 8, 7, 50, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero), null);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix + "/appointments/{id:guid}/meeting").WithTags("Meetings")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("", GetAsync).RequireAuthorization(ApiScopes.Policies.Meetings)
            .WithName("ApiGetMeeting")
            .WithSummary("The appointment's video meeting: state, join link and passcode (the patient's view)")
            .WithDescription("state is pending (being made at the provider), created, failed (retrying), deleted, ended or not_applicable (note says why). "
                + "joinUrl and passcode are set once it is created; joinOpensAt and closesAt are when the patient's Join button works.")
            .WithResponseExample(StatusCodes.Status200OK, Example);

        api.MapPost("", Change((scheduler, appointment, token) => scheduler.EnsureAsync(appointment, token), requireConfirmed: true))
            .RequireAuthorization(ApiScopes.Policies.Meetings)
            .WithName("ApiCreateMeeting")
            .WithSummary("Makes the appointment's meeting if it has none (after it was removed, say); the provider work follows")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("", Change((scheduler, appointment, token) => scheduler.MoveAsync(appointment, token), requireConfirmed: true))
            .RequireAuthorization(ApiScopes.Policies.Meetings)
            .WithName("ApiSyncMeeting")
            .WithSummary("Brings the meeting in line with the appointment's time and host (rescheduling does this by itself)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("", Change((scheduler, appointment, token) => scheduler.CancelAsync(appointment, token), requireConfirmed: false))
            .RequireAuthorization(ApiScopes.Policies.Meetings)
            .WithName("ApiRemoveMeeting")
            .WithSummary("Removes the appointment's meeting at the provider (a group slot's meeting stays while others need it); the appointment stays");

        api.MapGet("/start-link", GetStartLinkAsync).RequireAuthorization(ApiScopes.Policies.Host)
            .WithName("ApiGetStartLink")
            .WithSummary("The host's start link, fetched fresh from the provider; only for keys with the host scope")
            .WithDescription("A start link signs its bearer in to the provider as the host: give it to the host alone. fresh is false when the "
                + "provider could not be reached and the stored link (which may have expired) is returned.")
            .WithResponseExample(StatusCodes.Status200OK, new ApiStartLink(Example.AppointmentId, "zoom", "https://zoom.us/s/93746251840?zak=eyJ0eXAiOiJKV1Qi", Fresh: true))
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<ApiMeeting>, ProblemHttpResult>> GetAsync(Guid id, IAppointmentDirectory appointments, MeetingLinks links,
        CancellationToken cancellationToken)
    {
        if (await appointments.DescribeAsync(id, cancellationToken) is null)
        {
            return NoAppointment();
        }
        return await links.GetForPatientAsync(id, cancellationToken) is { } meeting ? TypedResults.Ok(Show(id, meeting)) : NoMeeting();
    }

    public static async Task<Results<Ok<ApiStartLink>, ProblemHttpResult>> GetStartLinkAsync(Guid id, IAppointmentDirectory appointments, MeetingLinks links,
        CancellationToken cancellationToken)
    {
        if (await appointments.DescribeAsync(id, cancellationToken) is null)
        {
            return NoAppointment();
        }
        var start = await links.StartLinkAsync(id, cancellationToken);
        if (start.Url is not { } startUrl)
        {
            return TypedResults.Problem(start.WhyNone, statusCode: StatusCodes.Status409Conflict, title: "Meeting not ready");
        }
        return TypedResults.Ok(new ApiStartLink(id, start.Meeting!.Provider, startUrl, start.Fresh));
    }

    /// <summary>The handler of one change: the scheduler call it makes once the appointment may have it.</summary>
    private static Func<Guid, IAppointmentDirectory, IMeetingScheduler, MeetingLinks, CancellationToken, Task<Results<Accepted<ApiMeeting>, ProblemHttpResult>>> Change(
        Func<IMeetingScheduler, AppointmentChanged, CancellationToken, Task> change, bool requireConfirmed) =>
        (id, appointments, scheduler, links, cancellationToken) =>
            ChangeAsync(id, appointments, links, (appointment, token) => change(scheduler, appointment, token), requireConfirmed, cancellationToken);

    private static async Task<Results<Accepted<ApiMeeting>, ProblemHttpResult>> ChangeAsync(Guid id, IAppointmentDirectory appointments, MeetingLinks links,
        Func<AppointmentChanged, CancellationToken, Task> change, bool requireConfirmed, CancellationToken cancellationToken)
    {
        if (await appointments.DescribeAsync(id, cancellationToken) is not { } appointment)
        {
            return NoAppointment();
        }
        if (requireConfirmed && appointment.Status != "confirmed")
        {
            return TypedResults.Problem($"The appointment is {appointment.Status}: only a confirmed appointment has a meeting.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Appointment not confirmed");
        }
        if (!appointment.Telemed || appointment.MeetingProvider == MeetingProviders.None)
        {
            return TypedResults.Problem($"{appointment.ServiceName} is not a video consultation, so its appointments have no meeting.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a video service");
        }
        await change(appointment, cancellationToken);
        var meeting = await links.GetForPatientAsync(id, cancellationToken);
        return meeting is null ? NoMeeting() : TypedResults.Accepted($"{ApiRoutes.Prefix}/appointments/{id}/meeting", Show(id, meeting));
    }

    private static ApiMeeting Show(Guid appointmentId, MeetingInfo meeting) => new(appointmentId, meeting.Provider, meeting.ProviderName,
        StateName(meeting.State), meeting.JoinUrl, meeting.Passcode, meeting.JoinOpensAt?.ToUniversalTime(), meeting.ClosesAt?.ToUniversalTime(), meeting.Reason);

    /// <summary>The states in the API's words (snake case, as the webhooks' event names).</summary>
    public static string StateName(MeetingState state) => state switch
    {
        MeetingState.NotApplicable => "not_applicable",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static ProblemHttpResult NoAppointment() =>
        TypedResults.Problem("This clinic has no appointment with this id.", statusCode: StatusCodes.Status404NotFound, title: "No such appointment");

    private static ProblemHttpResult NoMeeting() =>
        TypedResults.Problem("This appointment has no video meeting. A confirmed video appointment gets one when it is booked; POST here to ask for one.",
            statusCode: StatusCodes.Status404NotFound, title: "No meeting");
}
