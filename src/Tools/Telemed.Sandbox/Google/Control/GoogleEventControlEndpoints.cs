using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.Calendar;
using static Telemed.Sandbox.Control.SandboxControlResults;
using static Telemed.Sandbox.Google.Control.GoogleControlResults;

namespace Telemed.Sandbox.Google.Control;

/// <summary>Test-only endpoints over every calendar: each event with all its fields and call history, and the host deleting one.</summary>
internal static class GoogleEventControlEndpoints
{
    public static void MapGoogleEventControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/events", (string? user, [FromQuery(Name = "include_deleted")] bool? includeDeleted, GoogleAccountDirectory accounts,
            GoogleEventStore events, GoogleLinks links, HttpRequest request) =>
        {
            var account = user is null ? null : accounts.Find(user);
            if (user is not null && account is null)
            {
                return UnknownAccount(user);
            }

            var eventLinks = GoogleEventLinks.For(links, request);
            var list = (account is null ? events.All() : events.OfAccount(account.Id)).Where(e => includeDeleted == true || !e.IsCancelled);
            return Json(list.Select(e => GoogleEventInspection.Of(e, eventLinks)));
        });

        control.MapGet("/events/{eventId}", (string eventId, string? user, GoogleAccountDirectory accounts, GoogleEventStore events, GoogleLinks links, HttpRequest request) =>
            FindOne(eventId, user, accounts, events) switch
            {
                (_, { } error) => error,
                ({ } found, _) => Json(GoogleEventInspection.Of(found, GoogleEventLinks.For(links, request))),
                _ => Problem($"Unknown event {eventId}.", StatusCodes.Status404NotFound),
            });

        // The host deleted the event in Google Calendar: cancelled exactly as a delete call would, and nobody is told.
        control.MapDelete("/events/{eventId}", (string eventId, string? user, GoogleAccountDirectory accounts, GoogleEventStore events,
            GoogleEventHandlers handlers, GoogleLinks links, HttpRequest request) =>
        {
            var (found, error) = FindOne(eventId, user, accounts, events);
            if (error is not null)
            {
                return error;
            }

            if (found is not { IsCancelled: false } || handlers.CancelByHost(found.AccountId, found.Id) is not { } cancelled)
            {
                return Problem($"Unknown or already deleted event {eventId}.", StatusCodes.Status404NotFound);
            }

            return Json(GoogleEventInspection.Of(cancelled, GoogleEventLinks.For(links, request)));
        });
    }

    /// <summary>The event with this id in the account's calendar, or in the only calendar that has one when no account is named.</summary>
    private static (GoogleEvent? Event, IResult? Error) FindOne(string eventId, string? user, GoogleAccountDirectory accounts, GoogleEventStore events)
    {
        if (user is not null)
        {
            return accounts.Find(user) is { } account ? (events.Find(account.Id, eventId), null) : (null, UnknownAccount(user));
        }

        var matches = events.All().Where(e => e.Id == eventId).ToList();
        return matches.Count > 1
            ? (null, Problem($"Several calendars have an event {eventId}: name the account with ?user=.", StatusCodes.Status409Conflict))
            : (matches.FirstOrDefault(), null);
    }
}

/// <summary>
/// An event as the control endpoints show it: the Event resource exactly as the API answers it (camelCase, under
/// <c>event</c>), plus what only the sandbox knows: who deleted it, the conference's progress, and every modifying call
/// with its sendUpdates and the e-mails Google would have sent.
/// </summary>
public sealed record GoogleEventInspection(
    string AccountId,
    string Account,
    string Id,
    string Status,
    DateTimeOffset? DeletedAt,
    string? DeletedBy,
    GoogleConferenceOutcome? ConferenceStatus,
    string? MeetCode,
    int? PendingGetsLeft,
    IReadOnlyList<GoogleEventCall> Calls,
    IReadOnlyList<GoogleInvitationEmail> Emails,
    JsonObject Event)
{
    public static GoogleEventInspection Of(GoogleEvent e, GoogleEventLinks links) => new(
        e.AccountId,
        e.OrganizerEmail,
        e.Id,
        e.Status,
        e.DeletedAt,
        e.DeletedBy,
        e.Conference?.Status,
        e.Conference is { Copied: null } conference ? conference.Code : null,
        e.Conference is { Status: GoogleConferenceOutcome.Pending } pending ? pending.PendingGetsLeft : null,
        e.Calls,
        e.Calls.SelectMany(c => c.Emails).ToArray(),
        GoogleEventPresenter.ToJson(e, links));
}
