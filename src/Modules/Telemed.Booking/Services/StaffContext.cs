using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Security;

namespace Telemed.Booking.Services;

/// <summary>Who is using the staff pages: an admin sees every appointment, a host only their own.</summary>
public sealed class StaffContext(IHttpContextAccessor http, BookingDb db)
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

    public async Task<bool> MayManageAsync(Appointment appointment, CancellationToken cancellationToken) =>
        IsAdmin || (await OwnHostAsync(cancellationToken))?.Id == appointment.HostId;

    public async Task<bool> MayEditHostAsync(Guid hostId, CancellationToken cancellationToken) =>
        IsAdmin || (await OwnHostAsync(cancellationToken))?.Id == hostId;
}
