using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Control;
using Telemed.Sandbox.Zoom.Meetings;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Zoom;

/// <summary>
/// The Zoom emulator: OAuth at <c>{base}/oauth/*</c>, the REST API at <c>{base}/v2/*</c>, start/join pages at
/// <c>{base}/s|j/{id}</c>, and its control endpoints at <c>{prefix}/_sandbox/zoom/*</c>.
/// </summary>
internal sealed class ZoomSandboxProvider(
    ZoomUserDirectory users,
    ZoomTokenStore tokens,
    ZoomMeetingStore meetings,
    ZoomWebhookSender webhooks,
    ZoomLinks links,
    ZoomComplianceLog compliance) : ISandboxProvider
{
    public const string ProviderName = "zoom";

    public string Name => ProviderName;

    public void MapProviderEndpoints(RouteGroupBuilder zoom, string basePath)
    {
        links.BasePath = basePath;
        var faults = new ZoomFaultResponses();

        // The consent page is for browsers: logged, but faults are kept for the calls the product's code makes.
        zoom.MapGroup("/oauth")
            .WithSandboxPipeline(Name, _ => ValueTask.FromResult<string?>(null), responses: null)
            .MapZoomConsentEndpoints();

        zoom.MapGroup("/oauth")
            .WithSandboxPipeline(Name, http => ZoomOAuthEndpoints.ResolveAccountAsync(http, tokens), faults)
            .MapZoomTokenEndpoints();
        zoom.MapGroup("/oauth")
            .WithSandboxPipeline(Name, _ => ValueTask.FromResult<string?>(null), faults)
            .MapZoomComplianceEndpoints();

        var v2 = zoom.MapGroup("/v2")
            .WithSandboxPipeline(Name, http => ValueTask.FromResult(tokens.FindOwner(BearerToken.From(http.Request))?.Id), faults);
        v2.MapZoomUserEndpoints();
        v2.MapZoomMeetingEndpoints();

        zoom.MapZoomMeetingRoomEndpoints();
        zoom.MapZoomSandboxStylesheet();
    }

    public void MapControlEndpoints(RouteGroupBuilder control)
    {
        control.MapZoomAccountControlEndpoints();
        control.MapZoomWebhookControlEndpoints();
    }

    public string? ResolveAccountKey(string userIdOrEmail) => users.FindOrCreate(userIdOrEmail)?.Id;

    public void Reset()
    {
        webhooks.Reset();
        compliance.Clear();
        meetings.Reset();
        tokens.Reset();
        users.Reset();
    }
}
