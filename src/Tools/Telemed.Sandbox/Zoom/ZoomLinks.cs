using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Zoom;

/// <summary>Absolute URLs of the sandbox's Zoom root as the caller reached it, for start/join links and Content-Location.</summary>
public sealed class ZoomLinks(IOptions<SandboxOptions> options) : SandboxProviderLinks("/zoom")
{
    public string MeetingLinkBase(HttpRequest request) =>
        options.Value.Zoom.MeetingLinkBaseUrl?.TrimEnd('/') ?? Root(request);
}
