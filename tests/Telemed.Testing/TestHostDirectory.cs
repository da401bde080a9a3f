using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Testing;

/// <summary>Hosts the tests declare, per clinic, standing in for the booking module's directory.</summary>
public sealed class TestHosts
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, HostSummary>> _byTenant = new();

    public void Add(Guid tenantId, HostSummary host) => _byTenant.GetOrAdd(tenantId, _ => new())[host.Id] = host;

    internal IReadOnlyCollection<HostSummary> Of(Guid? tenantId) =>
        tenantId is { } id && _byTenant.TryGetValue(id, out var hosts) ? (IReadOnlyCollection<HostSummary>)hosts.Values : [];
}

public sealed class TestHostDirectory(TestHosts hosts, TenantContext tenantContext) : IHostDirectory
{
    public Task<HostSummary?> FindAsync(Guid hostId, CancellationToken cancellationToken = default) =>
        Task.FromResult(hosts.Of(tenantContext.TenantId).FirstOrDefault(h => h.Id == hostId));

    public Task<HostSummary?> FindByUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(hosts.Of(tenantContext.TenantId).FirstOrDefault(h => h.UserId == userId));

    public Task<IReadOnlyList<HostSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HostSummary>>(hosts.Of(tenantContext.TenantId).ToList());
}

/// <summary>Puts the tests' directory in force, whatever the booking module registers.</summary>
public static class TestHostDirectoryRegistration
{
    public static void UseTestHostDirectory(this IServiceCollection services)
    {
        services.AddSingleton<TestHosts>();
        services.Replace(ServiceDescriptor.Scoped<IHostDirectory, TestHostDirectory>());
    }
}
