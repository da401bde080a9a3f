using Microsoft.Extensions.Options;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.Calendar;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google.Control;

/// <summary>An account as the control endpoints show it: settings in force, counters, grants (with their tokens in the detail view).</summary>
public sealed record GoogleAccountView(
    string Id,
    string Email,
    string Name,
    int AccessTokenLifetimeSeconds,
    GoogleConferenceOutcome Conference,
    int PendingGets,
    int Events,
    GoogleTokenStats Tokens,
    GoogleCalendarStats Calendar,
    IReadOnlyList<GoogleGrantView> Grants);

public sealed class GoogleAccountViews(GoogleTokenStore tokens, GoogleEventStore events, GoogleAppState app, IOptions<SandboxOptions> options)
{
    public GoogleAccountView Of(GoogleAccount account, bool withTokens)
    {
        var settings = account.Settings;
        var current = app.Current;
        return new GoogleAccountView(
            account.Id,
            account.Email,
            account.Name,
            (int)(settings.AccessTokenLifetime ?? options.Value.Google.AccessTokenLifetime).TotalSeconds,
            settings.Conference ?? current.Conference,
            settings.PendingGets ?? current.PendingGets,
            events.OfAccount(account.Id).Count(e => !e.IsCancelled),
            tokens.StatsFor(account),
            events.StatsFor(account.Id),
            tokens.GrantsOf(account, withTokens));
    }
}
