using Microsoft.AspNetCore.Http;
using static Telemed.Sandbox.Control.SandboxControlResults;

namespace Telemed.Sandbox.Zoom.Control;

/// <summary>Answers of the Zoom control endpoints beyond the shared <see cref="Telemed.Sandbox.Control.SandboxControlResults"/>.</summary>
internal static class ZoomControlResults
{
    public static IResult UnknownUser(string user) => Problem($"Unknown Zoom sandbox user '{user}'.", StatusCodes.Status404NotFound);

    public static IResult UnknownMeeting(long id) => Problem($"Unknown or deleted meeting {id}.", StatusCodes.Status404NotFound);
}
