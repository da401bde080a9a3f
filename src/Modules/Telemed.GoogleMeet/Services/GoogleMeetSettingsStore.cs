using Microsoft.EntityFrameworkCore;
using Telemed.GoogleMeet.Data;

namespace Telemed.GoogleMeet.Services;

/// <summary>The current clinic's Google Meet settings; defaults (on, platform app, no invitations) until an admin saves them.</summary>
public sealed class GoogleMeetSettingsStore(GoogleMeetDb db, TimeProvider clock)
{
    public async Task<GoogleMeetSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new GoogleMeetSettings();

    public async Task SaveAsync(GoogleMeetSettings settings, CancellationToken cancellationToken = default)
    {
        settings.UpdatedAt = clock.GetUtcNow();
        if (await db.Settings.AsNoTracking().AnyAsync(cancellationToken))
        {
            db.Settings.Update(settings);
        }
        else
        {
            db.Settings.Add(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
