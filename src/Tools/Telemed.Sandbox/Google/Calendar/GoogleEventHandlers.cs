using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>Request handling of events insert, get, patch, update and delete, with Google's status codes, shapes and errors.</summary>
public sealed class GoogleEventHandlers(
    GoogleApiAuthenticator authenticator,
    GoogleEventStore events,
    GoogleAccountDirectory accounts,
    GoogleAppState app,
    GoogleLinks links,
    TimeProvider clock)
{
    public async Task<IResult> InsertAsync(string calendarId, HttpContext http)
    {
        var (account, error) = Authorize(http, calendarId, GoogleScopes.WriteEvents);
        var (query, queryError) = error is null ? GoogleWriteQuery.Read(http.Request.Query) : (null, null);
        var (body, bodyError) = (error ?? queryError) is null ? await GoogleEventWrites.ReadBodyAsync(http) : (null, null);
        if ((error ?? queryError ?? bodyError) is { } refused)
        {
            return refused;
        }

        string id;
        if (body!["id"] is { } idNode)
        {
            id = idNode is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
            if (!GoogleEventBody.IsValidId(id))
            {
                return GoogleErrors.Invalid("Invalid resource id value.");
            }
        }
        else
        {
            id = GoogleEventWrites.NewEventId();
        }

        var (validated, validationError) = GoogleEventBody.Validate(GoogleEventBody.PickWritable(body, keepNulls: false), account!);
        var (status, statusError) = GoogleEventBody.ReadStatus(body, GoogleEvent.Confirmed);
        if ((validationError ?? statusError) is { } invalid)
        {
            return invalid;
        }

        var (conference, conferenceError) = GoogleConferencing.Apply(null, body, GoogleConferencing.Write.Insert, query!.ConferenceDataVersion,
            requestId => NewConference(account!, requestId));
        if (conferenceError is not null)
        {
            return conferenceError;
        }

        var now = GoogleEventWrites.Truncate(clock.GetUtcNow());
        var created = GoogleEventWrites.WithStatus(new GoogleEvent
        {
            AccountId = account!.Id,
            OrganizerEmail = account.Email,
            Id = id,
            Fields = validated!.Fields,
            Start = validated.Start,
            End = validated.End,
            Created = now,
            Updated = now,
            Conference = conference,
        }, status!, now);
        created = created with { Calls = [Call("insert", query, now, before: null, after: created)] };

        // Ids stay taken after deletion, as in Google.
        if (!events.TryAdd(created))
        {
            return GoogleErrors.Duplicate();
        }

        events.Count(account.Id, stats =>
        {
            stats.EventsInserted++;
            stats.ConferencesRequested += conference is { Copied: null } ? 1 : 0;
        });
        return EventResult(created, http);
    }

    /// <summary>Gets the event, cancelled ones too. A pending conference counts the call and may turn to success.</summary>
    public IResult Get(string calendarId, string eventId, HttpContext http)
    {
        var (account, error) = Authorize(http, calendarId, GoogleScopes.ReadEvents);
        if (error is not null)
        {
            return error;
        }

        var found = events.Update<GoogleEvent?>(account!.Id, eventId, current =>
        {
            if (current?.Conference is not { Status: GoogleConferenceOutcome.Pending } pending)
            {
                return (null, current);
            }

            var made = pending.PendingGetsLeft <= 1;
            var next = current with
            {
                Conference = made ? pending with { Status = GoogleConferenceOutcome.Success, PendingGetsLeft = 0 } : pending with { PendingGetsLeft = pending.PendingGetsLeft - 1 },
                Updated = made ? GoogleEventWrites.Later(current.Updated, clock) : current.Updated,
            };
            return (next, next);
        });
        if (found is null)
        {
            return GoogleErrors.NotFound();
        }

        events.Count(account.Id, stats => stats.EventGets++);
        if (http.Request.Headers.IfNoneMatch.ToString() == found.ETag)
        {
            http.Response.Headers.ETag = found.ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return EventResult(found, http);
    }

    /// <summary>PATCH (<paramref name="replace"/> false: present fields merge) or PUT (true: the body replaces the event).</summary>
    public async Task<IResult> ModifyAsync(string calendarId, string eventId, bool replace, HttpContext http)
    {
        var (account, error) = Authorize(http, calendarId, GoogleScopes.WriteEvents);
        var (query, queryError) = error is null ? GoogleWriteQuery.Read(http.Request.Query) : (null, null);
        var (body, bodyError) = (error ?? queryError) is null ? await GoogleEventWrites.ReadBodyAsync(http) : (null, null);
        if ((error ?? queryError ?? bodyError) is { } refused)
        {
            return refused;
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var (changed, changeError, newConference) = events.Update<(GoogleEvent?, IResult?, bool)>(account!.Id, eventId, current =>
        {
            if (current is null)
            {
                return (null, (null, GoogleErrors.NotFound(), false));
            }

            if (!GoogleEventWrites.Matches(ifMatch, current))
            {
                return (null, (null, GoogleErrors.ConditionNotMet(), false));
            }

            var written = GoogleEventBody.PickWritable(body!, keepNulls: !replace);
            var (validated, validationError) = GoogleEventBody.Validate(replace ? written : GoogleEventBody.Merge(current.Fields, written), account);
            var (status, statusError) = GoogleEventBody.ReadStatus(body!, current.Status);
            var (conference, conferenceError) = (validationError ?? statusError) is null
                ? GoogleConferencing.Apply(current.Conference, body!, replace ? GoogleConferencing.Write.Replace : GoogleConferencing.Write.Patch,
                    query!.ConferenceDataVersion, requestId => NewConference(account, requestId))
                : (null, null);
            if ((validationError ?? statusError ?? conferenceError) is { } invalid)
            {
                return (null, (null, invalid, false));
            }

            var now = GoogleEventWrites.Later(current.Updated, clock);
            var timesChanged = validated!.Start != current.Start || validated.End != current.End;
            var next = GoogleEventWrites.WithStatus(current with
            {
                Fields = validated.Fields,
                Start = validated.Start,
                End = validated.End,
                Updated = now,
                Sequence = current.Sequence + (timesChanged ? 1 : 0),
                Conference = conference,
            }, status!, now);
            next = next with { Calls = [.. current.Calls, Call(replace ? "update" : "patch", query!, now, current, next)] };
            return (next, (next, null, conference is { Copied: null } && !ReferenceEquals(conference, current.Conference)));
        });
        if (changeError is not null)
        {
            return changeError;
        }

        events.Count(account.Id, stats =>
        {
            _ = replace ? stats.EventsUpdated++ : stats.EventsPatched++;
            stats.ConferencesRequested += newConference ? 1 : 0;
        });
        return EventResult(changed!, http);
    }

    /// <summary>Cancels the event: 204, then 410 for any further delete. The event stays readable with status "cancelled".</summary>
    public IResult Delete(string calendarId, string eventId, HttpContext http)
    {
        var (account, error) = Authorize(http, calendarId, GoogleScopes.WriteEvents);
        var (query, queryError) = error is null ? GoogleWriteQuery.Read(http.Request.Query) : (null, null);
        if ((error ?? queryError) is { } refused)
        {
            return refused;
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var outcome = events.Update<IResult?>(account!.Id, eventId, current =>
        {
            if (current is null)
            {
                return (null, GoogleErrors.NotFound());
            }

            if (!GoogleEventWrites.Matches(ifMatch, current))
            {
                return (null, GoogleErrors.ConditionNotMet());
            }

            if (current.IsCancelled)
            {
                return (null, GoogleErrors.Deleted());
            }

            var now = GoogleEventWrites.Later(current.Updated, clock);
            var next = current with { Status = GoogleEvent.Cancelled, DeletedAt = now, DeletedBy = "api", Updated = now };
            return (next with { Calls = [.. current.Calls, Call("delete", query!, now, current, next)] }, null);
        });
        if (outcome is not null)
        {
            return outcome;
        }

        events.Count(account.Id, stats => stats.EventsDeleted++);
        return Results.NoContent();
    }

    /// <summary>The host deleted the event in Google Calendar themselves: cancelled as a delete would, no e-mails, nothing told to the product.</summary>
    public GoogleEvent? CancelByHost(string accountId, string eventId) =>
        events.Update<GoogleEvent?>(accountId, eventId, current =>
        {
            if (current is null or { IsCancelled: true })
            {
                return (null, null);
            }

            var now = GoogleEventWrites.Later(current.Updated, clock);
            var next = current with { Status = GoogleEvent.Cancelled, DeletedAt = now, DeletedBy = "host", Updated = now };
            next = next with { Calls = [.. current.Calls, new GoogleEventCall("host_delete", now, null, 0, [])] };
            return (next, next);
        });

    internal (GoogleAccount? Account, IResult? Error) Authorize(HttpContext http, string calendarId, IReadOnlyList<string> scopes)
    {
        var (account, error) = authenticator.Authenticate(http, scopes);
        if (error is not null)
        {
            return (null, error);
        }

        // Only the account's own primary calendar exists for its token; any other calendar is not found.
        return calendarId == "primary" || string.Equals(calendarId, account!.Email, StringComparison.OrdinalIgnoreCase)
            ? (account, null)
            : (null, GoogleErrors.NotFound());
    }

    internal IResult EventResult(GoogleEvent calendarEvent, HttpContext http)
    {
        http.Response.Headers.ETag = calendarEvent.ETag;
        return Results.Json(GoogleEventPresenter.ToJson(calendarEvent, GoogleEventLinks.For(links, http.Request)), GoogleJson.CamelCase);
    }

    private GoogleConference NewConference(GoogleAccount account, string requestId)
    {
        var settings = app.Current;
        var outcome = account.Settings.Conference ?? settings.Conference;
        return new GoogleConference
        {
            RequestId = requestId,
            Status = outcome,
            Code = events.ReserveMeetCode(),
            Pin = RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            PendingGetsLeft = outcome == GoogleConferenceOutcome.Pending ? account.Settings.PendingGets ?? settings.PendingGets : 0,
        };
    }

    private GoogleEventCall Call(string operation, GoogleWriteQuery query, DateTimeOffset at, GoogleEvent? before, GoogleEvent after) =>
        new(operation, at, query.SendUpdates, query.ConferenceDataVersion,
            GoogleInvitations.For(query.SendUpdates, before, after, email => accounts.Find(email) is not null));
}
