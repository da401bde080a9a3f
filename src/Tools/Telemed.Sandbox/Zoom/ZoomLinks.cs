using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Zoom;

/// <summary>Absolute URLs of the sandbox's Zoom root as the caller reached it, for start/join links and Content-Location.</summary>
public sealed class ZoomLinks(IOptions<SandboxOptions> options)
{
    /// <summary>Path of the Zoom root inside the host (e.g. "/sandbox/zoom"), set when the endpoints are mapped.</summary>
    public string BasePath { get; internal set; } = "/zoom";

    public string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    public string MeetingLinkBase(HttpRequest request) =>
        options.Value.Zoom.MeetingLinkBaseUrl?.TrimEnd('/') ?? Root(request);
}
