using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox;

/// <summary>Absolute URLs of an emulated provider's root as the caller reached it, so links work under any host and mount path.</summary>
public abstract class SandboxProviderLinks(string defaultBasePath)
{
    /// <summary>Path of the provider root inside the host (e.g. "/sandbox/zoom"), set when the endpoints are mapped.</summary>
    public string BasePath { get; internal set; } = defaultBasePath;

    public string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
}
