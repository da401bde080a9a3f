namespace Telemed.Core.Navigation;

/// <summary>An entry of the admin (or platform) menu, shown to users who hold <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Title, string Path, string Permission, int Order = 0, string Area = AdminMenuItem.Clinic)
{
    public const string Clinic = "clinic";
    public const string Platform = "platform";
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
