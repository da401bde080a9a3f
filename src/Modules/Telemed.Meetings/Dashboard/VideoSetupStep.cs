using Microsoft.EntityFrameworkCore;
using Telemed.Core.Navigation;
using Telemed.Meetings.Data;

namespace Telemed.Meetings.Dashboard;

/// <summary>Video visits get meetings once a host has connected a video account.</summary>
public sealed class VideoSetupStep(MeetingsDb db) : ISetupStepSource
{
    public async Task<IReadOnlyList<SetupStep>> GetStepsAsync(CancellationToken cancellationToken)
    {
        var connected = await db.Connections.AnyAsync(c => c.Status == HostConnection.Connected, cancellationToken);
        return [new SetupStep("Connect a video account", "A host connects Zoom or Google Meet so video visits get their meeting link.", "/admin/meetings/connections", connected, 40)];
    }
}
