using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Tenancy;

/// <summary>Runs work inside one tenant: a fresh DI scope whose <see cref="TenantContext"/> is that tenant.</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory, ITenantStore tenants)
{
    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        return await RunAsync(tenant, work);
    }

    public async Task<T> RunAsync<T>(Tenant tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return await work(scope.ServiceProvider);
    }

    public Task RunAsync(Tenant tenant, Func<IServiceProvider, Task> work) =>
        RunAsync<bool>(tenant, async services => { await work(services); return true; });
}
