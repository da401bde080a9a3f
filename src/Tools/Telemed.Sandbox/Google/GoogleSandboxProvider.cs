using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.Calendar;
using Telemed.Sandbox.Google.Control;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google;

/// <summary>
/// The Google emulator: OAuth at <c>{base}/o/oauth2/v2/auth</c>, <c>{base}/token</c> and <c>{base}/revoke</c>, userinfo at
/// <c>{base}/oauth2/v3/userinfo</c>, the Calendar API at <c>{base}/calendar/v3/*</c>, Meet rooms at <c>{base}/meet/{code}</c>,
/// and its control endpoints at <c>{prefix}/_sandbox/google/*</c>.
/// </summary>
internal sealed class GoogleSandboxProvider(
    GoogleAccountDirectory accounts,
    GoogleConsentNonces consents,
    GoogleTokenStore tokens,
    GoogleEventStore events,
    GoogleAppState app,
    GoogleLinks links) : ISandboxProvider
{
    public const string ProviderName = "google";

    public string Name => ProviderName;

    /// <summary>Google words 4xx failures too (403 rateLimitExceeded, 404 notFound), so error faults may take them.</summary>
    public int MinimumErrorFaultStatus => 400;

    public void MapProviderEndpoints(RouteGroupBuilder google, string basePath)
    {
        links.BasePath = basePath;
        var faults = new GoogleFaultResponses();

        // The consent page is for browsers: logged, but faults are kept for the calls the product's code makes.
        google.MapGroup("/o/oauth2/v2")
            .WithSandboxPipeline(Name, _ => ValueTask.FromResult<string?>(null), responses: null)
            .MapGoogleConsentEndpoints();

        google.MapGroup("")
            .WithSandboxPipeline(Name, http => GoogleTokenEndpoints.ResolveAccountAsync(http, tokens), faults)
            .MapGoogleTokenEndpoints();

        var bearerOwner = (HttpContext http) => ValueTask.FromResult(tokens.FindOwner(BearerToken.From(http.Request))?.Id);
        google.MapGroup("").WithSandboxPipeline(Name, bearerOwner, faults).MapGoogleUserInfoEndpoints();
        google.MapGroup("/calendar/v3").WithSandboxPipeline(Name, bearerOwner, faults).MapGoogleCalendarEndpoints();

        google.MapGoogleMeetRoomEndpoints();
        google.MapGoogleSandboxStylesheet();
    }

    public void MapControlEndpoints(RouteGroupBuilder control)
    {
        control.MapGoogleAccountControlEndpoints();
        control.MapGoogleEventControlEndpoints();
    }

    public string? ResolveAccountKey(string userIdOrEmail) => accounts.FindOrCreate(userIdOrEmail)?.Id;

    public void Reset()
    {
        events.Reset();
        consents.Reset();
        tokens.Reset();
        accounts.Reset();
        app.Reset();
    }
}
