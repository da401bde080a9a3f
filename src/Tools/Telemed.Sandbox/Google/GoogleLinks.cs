using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Google;

/// <summary>Absolute URLs of the sandbox's Google root as the caller reached it, for Meet links (hangoutLink) and htmlLink.</summary>
public sealed class GoogleLinks(IOptions<SandboxOptions> options)
{
    /// <summary>Path of the Google root inside the host (e.g. "/sandbox/google"), set when the endpoints are mapped.</summary>
    public string BasePath { get; internal set; } = "/google";

    public string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    public string MeetLinkBase(HttpRequest request) =>
        options.Value.Google.MeetLinkBaseUrl?.TrimEnd('/') ?? Root(request) + "/meet";
}
