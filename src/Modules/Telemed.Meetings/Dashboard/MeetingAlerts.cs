using Microsoft.EntityFrameworkCore;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Dashboard;

/// <summary>
/// What needs someone on the staff home: upcoming meetings that failed or are still not made after a while, and hosts
/// whose upcoming video visits get no meeting because their video account is not (or no longer) connected.
/// </summary>
public sealed class MeetingAlerts(MeetingsDb db, MeetingProviderRegistry providers, TimeProvider clock) : IAdminAlertSource
{
    public static readonly TimeSpan PendingTooLong = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        if (tenant.IsPlatform)
        {
            return [];
        }
        var now = clock.GetUtcNow();
        var alerts = new List<AdminAlert>();
        var upcoming = db.Meetings.AsNoTracking().Where(m => m.Wanted && m.StartUtc.AddMinutes(m.DurationMinutes) > now);

        var failed = await upcoming.CountAsync(m => m.State == MeetingRecord.Failed, cancellationToken);
        if (failed > 0)
        {
            alerts.Add(new AdminAlert(MeetingsPermissions.Names.Manage,
                failed == 1 ? "1 upcoming video meeting could not be made." : $"{failed} upcoming video meetings could not be made.",
                "/admin/meetings?state=failed", "Review and retry", AdminAlertLevel.Danger));
        }

        var stuckSince = now - PendingTooLong;
        var stuck = await upcoming.CountAsync(m => m.State == MeetingRecord.Pending && m.CreatedAt < stuckSince, cancellationToken);
        if (stuck > 0)
        {
            alerts.Add(new AdminAlert(MeetingsPermissions.Names.Manage,
                $"{(stuck == 1 ? "1 video meeting has" : $"{stuck} video meetings have")} been waiting for the provider for more than {PendingTooLong.TotalMinutes:0} minutes.",
                "/admin/meetings?state=pending", "See pending meetings"));
        }

        var waitingHosts = await db.Appointments.AsNoTracking()
            .Where(a => a.Active && a.EndUtc > now && (a.ReasonCode == ReasonCodes.HostNotConnected || a.ReasonCode == ReasonCodes.ConnectionLost))
            .GroupBy(a => new { a.HostName, a.Provider })
            .Select(g => new { g.Key.HostName, g.Key.Provider, Count = g.Count() })
            .OrderBy(g => g.HostName)
            .ToListAsync(cancellationToken);
        foreach (var host in waitingHosts)
        {
            alerts.Add(new AdminAlert(MeetingsPermissions.Names.Manage,
                $"{host.HostName} has {host.Count} upcoming video {(host.Count == 1 ? "visit" : "visits")} without a meeting: their {providers.NameOf(host.Provider)} account is not connected.",
                "/admin/meetings/connections", "Video connections"));
        }
        return alerts;
    }
}
