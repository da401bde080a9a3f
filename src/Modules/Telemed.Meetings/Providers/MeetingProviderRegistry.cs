using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;

namespace Telemed.Meetings.Providers;

/// <summary>The installed providers and OAuth connectors of this request or job, by id.</summary>
public sealed class MeetingProviderRegistry(IEnumerable<IMeetingProvider> providers, IEnumerable<IOAuthConnector> connectors)
{
    private readonly IReadOnlyList<IMeetingProvider> _providers = providers.ToList();
    private readonly IReadOnlyList<IOAuthConnector> _connectors = connectors.ToList();

    public IReadOnlyList<IMeetingProvider> All => _providers;

    public IReadOnlyList<IOAuthConnector> Connectors => _connectors;

    public IMeetingProvider? Find(string? id) => _providers.FirstOrDefault(p => p.Id == id);

    public IOAuthConnector? ConnectorFor(string? id) => _connectors.FirstOrDefault(c => c.ProviderId == id);

    public string NameOf(string? id) => Find(id)?.Name ?? id ?? MeetingProviders.None;
}

public static class MeetingProviderServiceCollectionExtensions
{
    /// <summary>Installs a video provider: services can choose it by <paramref name="id"/>.</summary>
    public static IServiceCollection AddMeetingProvider<TProvider>(this IServiceCollection services, string id, string name)
        where TProvider : class, IMeetingProvider
    {
        services.AddScoped<TProvider>();
        services.AddScoped<IMeetingProvider>(provider => provider.GetRequiredService<TProvider>());
        services.AddSingleton(new MeetingProviderOption(id, name));
        return services;
    }

    /// <summary>Lets hosts connect their own accounts of a provider through OAuth.</summary>
    public static IServiceCollection AddOAuthConnector<TConnector>(this IServiceCollection services)
        where TConnector : class, IOAuthConnector
    {
        services.AddScoped<TConnector>();
        services.AddScoped<IOAuthConnector>(provider => provider.GetRequiredService<TConnector>());
        return services;
    }
}
