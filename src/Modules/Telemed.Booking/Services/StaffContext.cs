using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Services;

/// <summary>Who is using the staff pages: an admin sees every appointment, a host only their own.</summary>
public sealed class StaffContext(IHttpContextAccessor http, BookingDb db, TenantContext tenantContext)
{
    private HostProfile? ownHost;
    private bool loaded;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAdmin => User.IsInRole(Roles.ClinicAdmin);

    public Guid? UserId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string DisplayName => User.FindFirstValue("name") ?? User.Identity?.Name ?? "staff";

    /// <summary>The host profile linked to the signed-in user, if any.</summary>
    public async Task<HostProfile?> OwnHostAsync(CancellationToken cancellationToken)
    {
        if (!loaded && UserId is { } userId)
        {
            ownHost = await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.UserId == userId, cancellationToken);
        }
        loaded = true;
        return ownHost;
    }

    /// <summary>Times as this staff member reads them, in <see cref="ViewerZoneAsync"/> with its abbreviation.</summary>
    public async Task<Telemed.Core.Clinic.ViewerTime> ViewerTimeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        new((await ViewerZoneAsync(cancellationToken)).Id, now);

    /// <summary>The zone staff read times in: a doctor's own, anyone else's the clinic's.</summary>
    public async Task<TimeZoneInfo> ViewerZoneAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin && await OwnHostAsync(cancellationToken) is { } host && VisitorZones.TryFind(host.TimeZone, out var own))
        {
            return own;
        }
        return VisitorZones.TryFind(tenantContext.Required.TimeZone, out var clinic) ? clinic : TimeZoneInfo.Utc;
    }

    /// <summary>The hosts whose appointments this staff member may see and book: every host for an admin, a doctor's own.</summary>
    public async Task<IReadOnlyList<HostProfile>> HostsInReachAsync(CancellationToken cancellationToken)
    {
        if (IsAdmin)
        {
            return await db.Hosts.AsNoTracking().OrderBy(h => h.DisplayName).ToListAsync(cancellationToken);
        }
        return await OwnHostAsync(cancellationToken) is { } own ? [own] : [];
    }

    public async Task<bool> MayManageAsync(Appointment appointment, CancellationToken cancellationToken) =>
        IsAdmin || (await OwnHostAsync(cancellationToken))?.Id == appointment.HostId;

    public async Task<bool> MayEditHostAsync(Guid hostId, CancellationToken cancellationToken) =>
        IsAdmin || (await OwnHostAsync(cancellationToken))?.Id == hostId;
}
