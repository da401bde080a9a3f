using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Meetings;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Sandbox.Zoom.Webhooks;
using static Telemed.Sandbox.Control.SandboxControlResults;
using static Telemed.Sandbox.Zoom.Control.ZoomControlResults;

namespace Telemed.Sandbox.Zoom.Control;

/// <summary>Test-only endpoints for Zoom accounts, their tokens and meetings: inspect, configure, expire, revoke, start, end, delete.</summary>
internal static class ZoomAccountControlEndpoints
{
    public static void MapZoomAccountControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/app", (IOptions<SandboxOptions> options, ZoomLinks links, ZoomWebhookSender webhooks, HttpRequest request) =>
        {
            var app = options.Value.Zoom;
            return Json(new
            {
                app.ClientId,
                app.ClientSecret,
                app.WebhookSecretToken,
                WebhookEndpointUrl = webhooks.EndpointUrl,
                RedirectUris = app.EffectiveRedirectUris,
                app.AllowLoopbackRedirectUris,
                app.Scopes,
                OauthBaseUrl = links.Root(request),
                ApiBaseUrl = links.Root(request) + "/v2",
            });
        }).WithName("sandbox.zoom.app");

        control.MapGet("/accounts", (ZoomUserDirectory users, ZoomAccountViews views) =>
            Json(users.All().Select(u => views.Of(u, withTokens: false))));

        control.MapPost("/accounts", async (HttpRequest request, ZoomUserDirectory users, ZoomAccountViews views) =>
        {
            var body = await ReadAsync<NewAccount>(request);
            return body?.Email is { } email && users.FindOrCreate(email) is { } user
                ? Json(views.Of(user, withTokens: false), StatusCodes.Status201Created)
                : Problem("Give the new user's e-mail: {\"email\": \"dr.who@sandbox.test\"}.");
        });

        control.MapGet("/accounts/{user}", (string user, ZoomUserDirectory users, ZoomAccountViews views) =>
            users.Find(user) is { } found ? Json(views.Of(found, withTokens: true)) : UnknownUser(user));

        control.MapPut("/accounts/{user}/settings", async (string user, HttpRequest request, ZoomUserDirectory users, ZoomAccountViews views) =>
        {
            if (users.FindOrCreate(user) is not { } found)
            {
                return UnknownUser(user);
            }

            var settings = await ReadAsync<AccountSettings>(request);
            if (settings is null || settings.TokenLifetimeSeconds is <= 0 || settings.DailyMeetingRequestLimit is < 0)
            {
                return Problem("Expected {\"token_lifetime_seconds\": >0, \"scopes\": \"...\", \"daily_meeting_request_limit\": >=0}.");
            }

            var current = found.Settings;
            found.Settings = current with
            {
                TokenLifetime = settings.TokenLifetimeSeconds is int seconds ? TimeSpan.FromSeconds(seconds) : current.TokenLifetime,
                Scopes = settings.Scopes ?? current.Scopes,
                DailyMeetingRequestLimit = settings.DailyMeetingRequestLimit ?? current.DailyMeetingRequestLimit,
            };
            return Json(views.Of(found, withTokens: false));
        });

        control.MapPost("/accounts/{user}/tokens/expire", (string user, ZoomUserDirectory users, ZoomTokenStore tokens) =>
            users.Find(user) is { } found ? Json(new { Expired = tokens.ExpireAccessTokens(found) }) : UnknownUser(user));

        control.MapPost("/accounts/{user}/tokens/revoke", (string user, ZoomUserDirectory users, ZoomTokenStore tokens) =>
            users.Find(user) is { } found ? Json(new { Revoked = tokens.RevokeAll(found, countAsRevocation: false) }) : UnknownUser(user));

        control.MapGet("/meetings", (string? user, ZoomUserDirectory users, ZoomMeetingStore meetings, ZoomLinks links, HttpRequest request) =>
        {
            var host = user is null ? null : users.Find(user);
            if (user is not null && host is null)
            {
                return UnknownUser(user);
            }

            var list = host is null ? meetings.All() : meetings.OfHost(host.Id, includeDeleted: true);
            var linkBase = links.MeetingLinkBase(request);
            return Json(list.Select(m => ZoomMeetingPresenter.ToInspectionView(m, linkBase, meetings.IssueStartToken(m.Id))));
        });

        control.MapPost("/meetings/{meetingId:long}/start", (long meetingId, ZoomMeetingLifecycle lifecycle) =>
            lifecycle.Start(meetingId) is { } meeting ? Json(new { meeting.Id, meeting.Uuid, meeting.Status }) : UnknownMeeting(meetingId));

        control.MapPost("/meetings/{meetingId:long}/end", (long meetingId, ZoomMeetingLifecycle lifecycle) =>
            lifecycle.End(meetingId) is { } meeting ? Json(new { meeting.Id, meeting.Uuid, meeting.Status }) : UnknownMeeting(meetingId));

        // The host deletes the meeting in Zoom's web portal: gone from the API, and meeting.deleted is sent (awaited here).
        control.MapPost("/meetings/{meetingId:long}/delete", async (long meetingId, ZoomMeetingStore meetings, ZoomMeetingLifecycle lifecycle,
            ZoomUserDirectory users, ZoomWebhookSender webhooks, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (meetings.Find(meetingId) is not { IsDeleted: false } found || users.Find(found.HostId) is not { } host)
            {
                return UnknownMeeting(meetingId);
            }

            if (lifecycle.Delete(meetingId, host, deleteQuery: null, announce: false) is not { IsDeleted: true } meeting)
            {
                return Problem($"Meeting {meetingId} is in progress; end it before deleting it.", StatusCodes.Status409Conflict);
            }

            var delivery = await webhooks.SendAsync(ZoomWebhookEvents.MeetingDeleted(meeting, host, host, clock.GetUtcNow()), cancellationToken);
            return Json(new { meeting.Id, meeting.DeletedAt, Webhook = delivery });
        });
    }

    private sealed record NewAccount(string? Email);

    private sealed record AccountSettings(int? TokenLifetimeSeconds, string? Scopes, int? DailyMeetingRequestLimit);
}
