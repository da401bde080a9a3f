using Microsoft.EntityFrameworkCore;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Services;

/// <summary>The current clinic's Zoom settings; defaults (on, platform app) until an admin saves them.</summary>
public sealed class ZoomSettingsStore(ZoomDb db, TimeProvider clock)
{
    public async Task<ZoomClinicSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ZoomClinicSettings();

    public async Task SaveAsync(ZoomClinicSettings settings, CancellationToken cancellationToken = default)
    {
        settings.UpdatedAt = clock.GetUtcNow();
        var exists = await db.Settings.AsNoTracking().AnyAsync(cancellationToken);
        if (exists)
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
