using Microsoft.EntityFrameworkCore;
using Telemed.Notifications.Data;

namespace Telemed.Notifications.Services;

/// <summary>The clinic's notification settings (reminder offsets, SMS on/off, staff address); defaults until saved.</summary>
public sealed class NotificationSettingsStore(NotificationsDb db)
{
    public static readonly int[] DefaultReminderOffsets = [24 * 60, 60];

    public async Task<NotificationSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new NotificationSettings();

    public async Task SaveAsync(NotificationSettings settings, CancellationToken cancellationToken = default)
    {
        var row = await EditableRowAsync(cancellationToken);
        row.ReminderOffsets = settings.ReminderOffsets.Where(o => o > 0).Distinct().OrderByDescending(o => o).ToArray();
        row.SmsEnabled = settings.SmsEnabled;
        row.StaffEmail = string.IsNullOrWhiteSpace(settings.StaffEmail) ? null : settings.StaffEmail.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MarkTemplatesReviewedAsync(string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var row = await EditableRowAsync(cancellationToken);
        row.TemplatesReviewedAt = at;
        row.TemplatesReviewedBy = by;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<NotificationSettings> EditableRowAsync(CancellationToken cancellationToken)
    {
        var row = await db.Settings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new NotificationSettings();
            db.Settings.Add(row);
        }
        return row;
    }
}
