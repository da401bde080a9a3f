using Microsoft.AspNetCore.Http;
using static Telemed.Sandbox.Control.SandboxControlResults;

namespace Telemed.Sandbox.Google.Control;

/// <summary>Answers of the Google control endpoints beyond the shared <see cref="Telemed.Sandbox.Control.SandboxControlResults"/>.</summary>
internal static class GoogleControlResults
{
    public static IResult UnknownAccount(string user) => Problem($"Unknown Google sandbox account '{user}'.", StatusCodes.Status404NotFound);
}
