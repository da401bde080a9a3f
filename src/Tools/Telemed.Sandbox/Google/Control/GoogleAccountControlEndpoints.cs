using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.Calendar;
using Telemed.Sandbox.Google.OAuth;
using static Telemed.Sandbox.Control.SandboxControlResults;
using static Telemed.Sandbox.Google.Control.GoogleControlResults;

namespace Telemed.Sandbox.Google.Control;

/// <summary>Test-only endpoints for the Google client and its accounts: inspect, configure, expire, revoke and age tokens.</summary>
internal static class GoogleAccountControlEndpoints
{
    public static void MapGoogleAccountControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/app", (IOptions<SandboxOptions> options, GoogleAppState app, GoogleLinks links, HttpRequest request) =>
            Json(AppView(options.Value.Google, app.Current, links, request))).WithName("sandbox.google.app");

        control.MapPut("/app", async (HttpRequest request, IOptions<SandboxOptions> options, GoogleAppState app, GoogleLinks links) =>
        {
            var body = await ReadAsync<AppSettings>(request);
            var status = body?.PublishingStatus?.ToLowerInvariant();
            if (body is null || status is not (null or GoogleAppState.Testing or GoogleAppState.Production) || body.PendingGets is < 1)
            {
                return Problem("Expected {\"publishing_status\": \"testing|production\", \"conference\": \"success|pending|failure\", \"pending_gets\": >=1}.");
            }

            var current = app.Update(s => s with
            {
                PublishingStatus = status ?? s.PublishingStatus,
                Conference = body.Conference ?? s.Conference,
                PendingGets = body.PendingGets ?? s.PendingGets,
            });
            return Json(AppView(options.Value.Google, current, links, request));
        });

        control.MapGet("/accounts", (GoogleAccountDirectory accounts, GoogleAccountViews views) =>
            Json(accounts.All().Select(a => views.Of(a, withTokens: false))));

        control.MapPost("/accounts", async (HttpRequest request, GoogleAccountDirectory accounts, GoogleAccountViews views) =>
        {
            var body = await ReadAsync<NewAccount>(request);
            return body?.Email is { } email && accounts.FindOrCreate(email) is { } account
                ? Json(views.Of(account, withTokens: false), StatusCodes.Status201Created)
                : Problem("Give the new account's e-mail: {\"email\": \"dr.who@sandbox.test\"}.");
        });

        control.MapGet("/accounts/{user}", (string user, GoogleAccountDirectory accounts, GoogleAccountViews views) =>
            accounts.Find(user) is { } found ? Json(views.Of(found, withTokens: true)) : UnknownAccount(user));

        control.MapPut("/accounts/{user}/settings", async (string user, HttpRequest request, GoogleAccountDirectory accounts, GoogleAccountViews views) =>
        {
            if (accounts.FindOrCreate(user) is not { } found)
            {
                return UnknownAccount(user);
            }

            var settings = await ReadAsync<AccountSettings>(request);
            if (settings is null || settings.AccessTokenLifetimeSeconds is <= 0 || settings.PendingGets is < 1)
            {
                return Problem("Expected {\"access_token_lifetime_seconds\": >0, \"conference\": \"success|pending|failure\", \"pending_gets\": >=1}.");
            }

            var current = found.Settings;
            found.Settings = current with
            {
                AccessTokenLifetime = settings.AccessTokenLifetimeSeconds is int seconds ? TimeSpan.FromSeconds(seconds) : current.AccessTokenLifetime,
                Conference = settings.Conference ?? current.Conference,
                PendingGets = settings.PendingGets ?? current.PendingGets,
            };
            return Json(views.Of(found, withTokens: false));
        });

        control.MapPost("/accounts/{user}/tokens/expire", (string user, GoogleAccountDirectory accounts, GoogleTokenStore tokens) =>
            accounts.Find(user) is { } found ? Json(new { Expired = tokens.ExpireAccessTokens(found) }) : UnknownAccount(user));

        // The user removed the app in their Google account settings: nothing is sent to the product, refresh stops working.
        control.MapPost("/accounts/{user}/tokens/revoke", (string user, GoogleAccountDirectory accounts, GoogleTokenStore tokens) =>
            accounts.Find(user) is { } found ? Json(new { Revoked = tokens.RevokeAll(found) }) : UnknownAccount(user));

        control.MapPost("/accounts/{user}/tokens/age", (string user, string? days, GoogleAccountDirectory accounts, GoogleTokenStore tokens) =>
        {
            if (accounts.Find(user) is not { } found)
            {
                return UnknownAccount(user);
            }

            if (!double.TryParse(days ?? "", NumberStyles.Float, CultureInfo.InvariantCulture, out var by) || by is < 0 or > 3650)
            {
                return Problem("Give how many days to move the account's grants back: ?days=8.");
            }

            return Json(new { Aged = tokens.Age(found, TimeSpan.FromDays(by)), Days = by });
        });
    }

    private static object AppView(GoogleSandboxOptions google, GoogleAppSettings current, GoogleLinks links, HttpRequest request)
    {
        var root = links.Root(request);
        return new
        {
            google.ClientId,
            google.ClientSecret,
            RedirectUris = google.EffectiveRedirectUris,
            google.AllowLoopbackRedirectUris,
            current.PublishingStatus,
            TestingRefreshTokenLifetimeSeconds = (long)google.TestingRefreshTokenLifetime.TotalSeconds,
            AccessTokenLifetimeSeconds = (int)google.AccessTokenLifetime.TotalSeconds,
            AuthorizationCodeLifetimeSeconds = (int)google.AuthorizationCodeLifetime.TotalSeconds,
            current.Conference,
            current.PendingGets,
            AuthorizeUrl = root + "/o/oauth2/v2/auth",
            TokenUrl = root + "/token",
            RevokeUrl = root + "/revoke",
            UserinfoUrl = root + "/oauth2/v3/userinfo",
            CalendarApiBaseUrl = root + "/calendar/v3",
            MeetLinkBaseUrl = links.MeetLinkBase(request),
        };
    }

    private sealed record NewAccount(string? Email);

    private sealed record AppSettings(string? PublishingStatus, GoogleConferenceOutcome? Conference, int? PendingGets);

    private sealed record AccountSettings(int? AccessTokenLifetimeSeconds, GoogleConferenceOutcome? Conference, int? PendingGets);
}
