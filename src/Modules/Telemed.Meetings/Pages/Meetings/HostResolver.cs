using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Security;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>Which host a page is about: the signed-in host, or (for clinic admins) the host they picked.</summary>
public sealed class HostResolver(IServiceProvider services)
{
    /// <summary>Null while the booking module provides no host directory.</summary>
    public IHostDirectory? Directory { get; } = services.GetService<IHostDirectory>();

    public async Task<HostSummary?> ResolveAsync(ClaimsPrincipal user, Guid? hostId, CancellationToken cancellationToken)
    {
        if (Directory is null)
        {
            return null;
        }

        if (hostId is { } id && user.IsInRole(Roles.ClinicAdmin))
        {
            return await Directory.FindAsync(id, cancellationToken);
        }

        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await Directory.FindByUserAsync(userId, cancellationToken)
            : null;
    }

    public static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static bool IsSelf(ClaimsPrincipal user, HostSummary host) => host.UserId?.ToString() == user.FindFirstValue(ClaimTypes.NameIdentifier);
}
