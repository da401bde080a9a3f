using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Google;

/// <summary>Absolute URLs of the sandbox's Google root as the caller reached it, for Meet links (hangoutLink) and htmlLink.</summary>
public sealed class GoogleLinks(IOptions<SandboxOptions> options) : SandboxProviderLinks("/google")
{
    public string MeetLinkBase(HttpRequest request) =>
        options.Value.Google.MeetLinkBaseUrl?.TrimEnd('/') ?? Root(request) + "/meet";
}
