using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Security;
using Telemed.Identity.Models;

namespace Telemed.Identity.Services;

public sealed class UserDirectory(UserManager<TelemedUser> users, RoleManager<TelemedRole> roles, Telemed.Core.Tenancy.TenantContext tenantContext) : IUserDirectory
{
    public async Task<UserSummary> CreateAsync(string email, string? password, string displayName, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        var wanted = roleNames.Distinct(StringComparer.Ordinal).ToList();
        foreach (var role in wanted)
        {
            if (!Roles.All.Contains(role))
            {
                throw new UserDirectoryException($"'{role}' is not a role; use one of {string.Join(", ", Roles.All)}.");
            }
            // Platform admins exist only in the platform tenant, and only they do.
            if ((role == Roles.PlatformAdmin) != tenantContext.Required.IsPlatform)
            {
                throw new UserDirectoryException($"The role '{role}' is not available here.");
            }
            await EnsureRoleAsync(role);
        }
        var user = new TelemedUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true };
        ThrowIfFailed(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        ThrowIfFailed(await users.AddToRolesAsync(user, wanted));
        return new UserSummary(user.Id, email, displayName, wanted);
    }

    public async Task<UserSummary?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await users.FindByIdAsync(id.ToString()) is { } user ? await SummarizeAsync(user) : null;

    public async Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await users.FindByEmailAsync(email) is { } user ? await SummarizeAsync(user) : null;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var summaries = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            summaries.Add(await SummarizeAsync(user));
        }
        return summaries;
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            ThrowIfFailed(await roles.CreateAsync(new TelemedRole { Name = role }));
        }
    }

    private async Task<UserSummary> SummarizeAsync(TelemedUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)]);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new UserDirectoryException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
