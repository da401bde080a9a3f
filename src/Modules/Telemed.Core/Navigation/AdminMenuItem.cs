namespace Telemed.Core.Navigation;

/// <summary>
/// An entry of the admin (or platform) menu, shown to users who hold <see cref="Permission"/>. Entries with a
/// <see cref="Group"/> sit in that group's drop-down (one of <see cref="AdminMenuGroups"/>), so the menu stays one row.
/// </summary>
public sealed record AdminMenuItem(string Title, string Path, string Permission, int Order = 0, string Area = AdminMenuItem.Clinic, string? Group = null)
{
    public const string Clinic = "clinic";
    public const string Platform = "platform";
}

/// <summary>The drop-downs of the clinic's admin menu: what is set up once, the video accounts, and what happened.</summary>
public static class AdminMenuGroups
{
    public const string Setup = "Set-up";
    public const string Video = "Video";
    public const string Activity = "Activity";
}

public static class AdminMenuServiceCollectionExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAdminMenu(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, params AdminMenuItem[] items)
    {
        foreach (var item in items)
        {
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, item);
        }
        return services;
    }
}
