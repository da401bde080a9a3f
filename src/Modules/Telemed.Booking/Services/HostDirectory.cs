using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>The clinic's hosts as other modules (meetings, notifications) see them.</summary>
public sealed class HostDirectory(BookingDb db) : IHostDirectory
{
    public async Task<HostSummary?> FindAsync(Guid hostId, CancellationToken cancellationToken = default) =>
        (await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hostId, cancellationToken))?.ToSummary();

    public async Task<HostSummary?> FindByUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.UserId == userId, cancellationToken))?.ToSummary();

    public async Task<IReadOnlyList<HostSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Hosts.AsNoTracking().OrderBy(h => h.DisplayName).ToListAsync(cancellationToken)).Select(h => h.ToSummary()).ToList();
}
