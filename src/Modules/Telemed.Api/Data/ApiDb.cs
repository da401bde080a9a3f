using Microsoft.EntityFrameworkCore;
using Telemed.Api.Models;
using Telemed.Api.Webhooks;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Data;

/// <summary>The API module's tables: the clinic's keys and webhooks, filtered to the current clinic.</summary>
public sealed class ApiDb(DbContextOptions<ApiDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<ApiKey> Keys => Set<ApiKey>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.Ignore(k => k.IsRevoked);
        });
        modelBuilder.Entity<WebhookSubscription>().ToTable("webhook_subscriptions");
        modelBuilder.Entity<WebhookDelivery>().ToTable("webhook_deliveries");
        modelBuilder.Entity<WebhookAttempt>().ToTable("webhook_attempts");
    }
}
