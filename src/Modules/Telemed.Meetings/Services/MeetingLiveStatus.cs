using Microsoft.EntityFrameworkCore;
using Telemed.Meetings.Data;

namespace Telemed.Meetings.Services;

/// <summary>Records what a provider's webhooks say about a meeting running ("started", "ended").</summary>
public sealed class MeetingLiveStatus(MeetingsDb db)
{
    public Task<int> RecordAsync(string provider, string externalId, string status, CancellationToken cancellationToken) =>
        db.Meetings.Where(m => m.Provider == provider && m.ExternalId == externalId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LiveStatus, status), cancellationToken);
}
