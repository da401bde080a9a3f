using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Navigation;

/// <summary>
/// A block of the staff home contributed by a module: the view component <see cref="ViewComponent"/>, shown to users
/// holding <see cref="Permission"/>, in <see cref="Order"/>. The home page itself knows no module's data.
/// </summary>
public sealed record DashboardSection(string ViewComponent, string Permission, int Order);

/// <summary>
/// A block a module adds under a host's hours on the host page (and so on a doctor's own "My schedule"): the view component
/// <see cref="ViewComponent"/> is invoked with the host's id as <c>hostId</c>.
/// </summary>
public sealed record HostProfileSection(string ViewComponent, int Order);

/// <summary>One step of setting up a new clinic; <see cref="Path"/> is tenant-relative and leads to where it is done.</summary>
public sealed record SetupStep(string Title, string Hint, string Path, bool Done, int Order);

/// <summary>A module's steps of a new clinic's set-up, checked against the clinic being served.</summary>
public interface ISetupStepSource
{
    Task<IReadOnlyList<SetupStep>> GetStepsAsync(CancellationToken cancellationToken);
}

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardSection(this IServiceCollection services, string viewComponent, string permission, int order) =>
        services.AddSingleton(new DashboardSection(viewComponent, permission, order));

    public static IServiceCollection AddHostProfileSection(this IServiceCollection services, string viewComponent, int order) =>
        services.AddSingleton(new HostProfileSection(viewComponent, order));

    public static IServiceCollection AddSetupSteps<TSource>(this IServiceCollection services) where TSource : class, ISetupStepSource =>
        services.AddScoped<ISetupStepSource, TSource>();
}
