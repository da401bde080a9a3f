using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Request handling of the meetings API, answering with Zoom's status codes, shapes and errors.</summary>
public sealed class ZoomMeetingHandlers(
    ZoomApiAuthenticator authenticator,
    ZoomUserDirectory users,
    ZoomMeetingStore meetings,
    ZoomLinks links,
    ZoomMeetingLifecycle lifecycle,
    IOptions<SandboxOptions> options,
    TimeProvider clock)
{
    private static readonly string[] ListTypes = ["scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings"];

    public async Task<IResult> CreateAsync(string userId, HttpContext http)
    {
        var (caller, error) = authenticator.Authenticate(http.Request, ZoomScope.CreateMeeting);
        if (error is not null || (error = CheckTargetUser(caller!, userId, ZoomScope.CreateMeeting)) is not null)
        {
            return error;
        }

        if (!meetings.TryCountMeetingRequest(caller!, out var limit, out var resumesAt))
        {
            return ZoomErrors.DailyLimitReached(http, limit, resumesAt);
        }

        var (request, bodyError) = await ReadBodyAsync(http);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var edit = ZoomMeetingEditor.Create(request!, caller!, meetings.NewMeetingId(), clock.GetUtcNow(),
            options.Value.Zoom.GeneratePasscodeWhenMissing);
        if (edit.Meeting is null)
        {
            return ZoomErrors.Validation(edit.Errors);
        }

        meetings.Save(edit.Meeting);
        http.Response.Headers.ContentLocation = $"{links.Root(http.Request)}/v2/meetings/{edit.Meeting.Id}";
        return Results.Json(View(edit.Meeting, http), SandboxJson.SnakeCase, statusCode: StatusCodes.Status201Created);
    }

    public IResult List(string userId, HttpContext http)
    {
        var (caller, error) = authenticator.Authenticate(http.Request, ZoomScope.ListMeetings);
        if (error is not null || (error = CheckTargetUser(caller!, userId, ZoomScope.ListMeetings)) is not null)
        {
            return error;
        }

        var query = http.Request.Query;
        var type = query["type"].FirstOrDefault() ?? "scheduled";
        var pageSize = ParseInt(query["page_size"]) ?? 30;
        var pageNumber = ParseInt(query["page_number"]) ?? 1;
        int? offset = query["next_page_token"].FirstOrDefault() is { Length: > 0 } token ? ZoomPageToken.Read(token, caller!.Id) : (pageNumber - 1) * pageSize;
        if (!ListTypes.Contains(type) || pageSize is < 1 or > 300 || pageNumber < 1 || offset is null)
        {
            var field = !ListTypes.Contains(type) ? "type" : offset is null ? "next_page_token" : "page_size";
            return ZoomErrors.Validation([new ZoomFieldError(field, "Invalid field.")]);
        }

        var now = clock.GetUtcNow();
        var matching = meetings.OfHost(caller!.Id)
            .Where(m => type switch
            {
                "live" => m.Status == "started",
                "upcoming" or "upcoming_meetings" => m.Status == "started" || m.EndTime >= now,
                "previous_meetings" => m.Status != "started" && m.EndTime < now,
                _ => true,
            })
            .Where(m => InDateRange(m, query["from"], query["to"], query["timezone"].FirstOrDefault() ?? caller.Timezone))
            .ToList();

        var page = matching.Skip(offset.Value).Take(pageSize).ToList();
        var next = offset.Value + page.Count < matching.Count ? ZoomPageToken.Write(offset.Value + page.Count, caller.Id) : "";
        var linkBase = links.MeetingLinkBase(http.Request);
        var list = new ZoomMeetingList(
            PageCount: (matching.Count + pageSize - 1) / pageSize,
            PageNumber: offset.Value / pageSize + 1,
            PageSize: pageSize,
            TotalRecords: matching.Count,
            NextPageToken: next,
            Meetings: page.Select(m => ZoomMeetingPresenter.ToSummary(m, linkBase)).ToList());
        return Results.Json(list, SandboxJson.SnakeCase);
    }

    public IResult Get(string meetingId, HttpContext http)
    {
        var (meeting, error) = FindOwnMeeting(meetingId, http, ZoomScope.ReadMeeting);
        return error ?? Results.Json(View(meeting!, http), SandboxJson.SnakeCase);
    }

    public async Task<IResult> UpdateAsync(string meetingId, HttpContext http)
    {
        var (meeting, error) = FindOwnMeeting(meetingId, http, ZoomScope.UpdateMeeting, out var caller);
        if (error is not null)
        {
            return error;
        }

        if (!meetings.TryCountMeetingRequest(caller!, out var limit, out var resumesAt))
        {
            return ZoomErrors.DailyLimitReached(http, limit, resumesAt);
        }

        var (request, bodyError) = await ReadBodyAsync(http);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var edit = ZoomMeetingEditor.Update(meeting!, request!, clock.GetUtcNow());
        if (edit.Meeting is null)
        {
            return ZoomErrors.Validation(edit.Errors);
        }

        meetings.Save(edit.Meeting);
        return Results.NoContent();
    }

    /// <summary>Deletes the meeting; Zoom then sends <c>meeting.deleted</c>, to the app that asked as well.</summary>
    public IResult Delete(string meetingId, HttpContext http)
    {
        var (meeting, error) = FindOwnMeeting(meetingId, http, ZoomScope.DeleteMeeting, out var caller);
        if (error is not null)
        {
            return error;
        }

        var query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "";
        return lifecycle.Delete(meeting!.Id, caller!, query) switch
        {
            null => ZoomErrors.MeetingNotFound(meetingId),
            { IsDeleted: false } => ZoomErrors.MeetingInProgress(),
            _ => Results.NoContent(),
        };
    }

    public async Task<IResult> UpdateStatusAsync(string meetingId, HttpContext http)
    {
        var (caller, error) = authenticator.Authenticate(http.Request, ZoomScope.UpdateMeetingStatus);
        if (error is not null)
        {
            return error;
        }

        StatusRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StatusRequest>(http.Request.Body, SandboxJson.SnakeCase, http.RequestAborted);
        }
        catch (JsonException)
        {
            return ZoomErrors.InvalidJson();
        }

        if (body?.Action is not ("end" or "recover"))
        {
            return ZoomErrors.Validation([new ZoomFieldError("action", "Invalid field.")]);
        }

        if (!long.TryParse(meetingId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || meetings.Find(id) is not { } meeting)
        {
            return ZoomErrors.MeetingNotFound(meetingId);
        }

        if (meeting.HostId != caller!.Id)
        {
            return ZoomErrors.Error(400, 3003, "You're not the meeting host.");
        }

        if (body.Action == "recover")
        {
            meetings.Change(id, m => m with { DeletedAt = null, DeleteQuery = null });
            return Results.NoContent();
        }

        if (meeting.IsDeleted)
        {
            return ZoomErrors.MeetingNotFound(meetingId);
        }

        lifecycle.End(id);
        return Results.NoContent();
    }

    private (ZoomMeeting? Meeting, IResult? Error) FindOwnMeeting(string meetingId, HttpContext http, ZoomScope scope) =>
        FindOwnMeeting(meetingId, http, scope, out _);

    private (ZoomMeeting? Meeting, IResult? Error) FindOwnMeeting(string meetingId, HttpContext http, ZoomScope scope, out ZoomUser? caller)
    {
        (caller, var error) = authenticator.Authenticate(http.Request, scope);
        if (error is not null)
        {
            return (null, error);
        }

        if (!long.TryParse(meetingId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || meetings.Find(id) is not { IsDeleted: false } meeting)
        {
            return (null, ZoomErrors.MeetingNotFound(meetingId));
        }

        return meeting.HostId == caller!.Id ? (meeting, null) : (null, ZoomErrors.CannotAccessMeeting());
    }

    /// <summary>A user-level app may act only on its own user ("me", its id or its e-mail).</summary>
    private IResult? CheckTargetUser(ZoomUser caller, string userId, ZoomScope scope)
    {
        if (userId == "me" || userId == caller.Id || string.Equals(userId, caller.Email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return users.Find(userId) is null ? ZoomErrors.UserNotFound(userId) : ZoomErrors.MissingScopes(scope.Granular + ":admin");
    }

    private ZoomMeetingView View(ZoomMeeting meeting, HttpContext http) =>
        ZoomMeetingPresenter.ToView(meeting, links.MeetingLinkBase(http.Request), meetings.IssueStartToken(meeting.Id));

    private static async Task<(ZoomMeetingRequest? Request, IResult? Error)> ReadBodyAsync(HttpContext http)
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<ZoomMeetingRequest>(http.Request.Body, SandboxJson.SnakeCase, http.RequestAborted);
            return request is null ? (null, ZoomErrors.InvalidJson()) : (request, null);
        }
        catch (JsonException)
        {
            return (null, ZoomErrors.InvalidJson());
        }
    }

    private static bool InDateRange(ZoomMeeting meeting, string? from, string? to, string timezone)
    {
        if (from is null && to is null)
        {
            return true;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var found) ? found : TimeZoneInfo.Utc;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.StartTime, zone).DateTime);
        return (!DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var first) || day >= first)
            && (!DateOnly.TryParse(to, CultureInfo.InvariantCulture, out var last) || day <= last);
    }

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private sealed record StatusRequest(string? Action);
}
