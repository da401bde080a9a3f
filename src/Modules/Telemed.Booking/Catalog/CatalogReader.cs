using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Catalog;

/// <summary>
/// Reads for the public booking path: the clinic's catalog and the seats held in a time range. While the node hears the
/// database's change announcements (see <see cref="BookingCatalogs"/>) both come from memory once read; otherwise, and
/// on a first read, one round trip asks the database: the clinic setting for row-level security, the catalog version
/// and the seats go as one batch, and the catalog itself is read again only when its version has moved.
/// </summary>
public sealed class CatalogReader(IServiceProvider services, Database database, TenantContext tenantContext, BookingCatalogs catalogs)
{
    private const string VersionSql = "SELECT COALESCE((SELECT version FROM booking_catalog_versions WHERE tenant_id = $1), 0)";

    private const string HoldsSql = """
        SELECT id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, capacity, seats_taken
        FROM booking_slots
        WHERE tenant_id = $1 AND host_id = ANY($2) AND seats_taken > 0 AND start_utc < $3 AND end_utc > $4
        """;

    /// <summary>The clinic's catalog as the database has it now.</summary>
    public async Task<ClinicCatalog> CurrentAsync(CancellationToken cancellationToken)
    {
        var clinic = tenantContext.Required.Id;
        var memory = catalogs.For(clinic);
        if (catalogs.Trusted && memory.Catalog is { } trusted)
        {
            return trusted;
        }
        long version;
        await using (var reads = await database.ReadAsync(clinic, [Version(clinic)], cancellationToken))
        {
            version = await ReadVersionAsync(reads.Reader, cancellationToken);
        }
        return memory.Catalog is { } held && held.Version == version ? held : await LoadAsync(clinic, memory, cancellationToken);
    }

    /// <summary>
    /// The clinic's catalog and the seats held in <paramref name="range"/> (with the engine's margin for buffers) by the hosts
    /// offering <paramref name="serviceId"/>: from memory, or in one round trip while the catalog in memory is current.
    /// </summary>
    public async Task<(ClinicCatalog Catalog, IReadOnlyList<SlotHold> Holds)> WithHoldsAsync(Guid serviceId, UtcRange range, CancellationToken cancellationToken)
    {
        var clinic = tenantContext.Required.Id;
        var trusted = catalogs.Trusted;
        var memory = catalogs.For(clinic);
        var held = memory.Catalog;
        var hosts = held?.HostsOffering(serviceId) ?? [];
        var key = KeyOf(hosts, range);
        if (trusted && held is not null && memory.TryGetHolds(key, out var remembered))
        {
            return (held, remembered);
        }

        await using (var reads = await database.ReadAsync(clinic, [Version(clinic), Holds(clinic, hosts, range)], cancellationToken))
        {
            var version = await ReadVersionAsync(reads.Reader, cancellationToken);
            if (held is not null && held.Version == version)
            {
                await reads.Reader.NextResultAsync(cancellationToken);
                var holds = await ReadHoldsAsync(reads.Reader, cancellationToken);
                Remember(trusted, memory, key, holds);
                return (held, holds);
            }
        }

        var current = await LoadAsync(clinic, memory, cancellationToken);
        return (current, await HoldsAsync(current.HostsOffering(serviceId), range, cancellationToken));
    }

    /// <summary>The seats the given hosts hold in <paramref name="range"/>, with the engine's margin for buffers.</summary>
    public async Task<IReadOnlyList<SlotHold>> HoldsAsync(IReadOnlyList<HostProfile> hosts, UtcRange range, CancellationToken cancellationToken)
    {
        if (hosts.Count == 0)
        {
            return [];
        }
        var clinic = tenantContext.Required.Id;
        var trusted = catalogs.Trusted;
        var memory = catalogs.For(clinic);
        var key = KeyOf(hosts, range);
        if (trusted && memory.TryGetHolds(key, out var remembered))
        {
            return remembered;
        }
        await using var reads = await database.ReadAsync(clinic, [Holds(clinic, hosts, range)], cancellationToken);
        var holds = await ReadHoldsAsync(reads.Reader, cancellationToken);
        Remember(trusted, memory, key, holds);
        return holds;
    }

    /// <summary>
    /// Only what was read while the node heard every announcement is kept: a change committed after the read is announced
    /// and drops this memory; one missed while not listening is covered by the drop that follows reconnecting.
    /// </summary>
    private static void Remember(bool trustedWhenRead, ClinicMemory memory, HoldWindowKey key, IReadOnlyList<SlotHold> holds)
    {
        if (trustedWhenRead)
        {
            memory.KeepHolds(key, holds);
        }
    }

    /// <summary>Reads the catalog through the module's context (rare: only after a change), version first, so the version
    /// kept is never newer than what was read with it.</summary>
    private async Task<ClinicCatalog> LoadAsync(Guid clinic, ClinicMemory memory, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: most requests never come this way, and a context costs its set-up on every request.
        var db = services.GetRequiredService<BookingDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var read = new NpgsqlCommand(VersionSql, (NpgsqlConnection)db.Database.GetDbConnection()) { Parameters = { new() { Value = clinic } } };
            var version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
            var offered = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken);
            var hosts = await db.Hosts.AsNoTracking().Where(h => h.Active).OrderBy(h => h.DisplayName).ToListAsync(cancellationToken);
            var links = await db.ServiceHosts.AsNoTracking().ToListAsync(cancellationToken);
            var catalog = new ClinicCatalog(version, offered, hosts, links);
            memory.Keep(catalog);
            return catalog;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static HoldWindowKey KeyOf(IReadOnlyList<HostProfile> hosts, UtcRange range)
    {
        var window = SlotFinder.HoldWindow(range);
        return new HoldWindowKey(string.Join(',', hosts.Select(h => h.Id)), window.From.UtcTicks, window.To.UtcTicks);
    }

    private static NpgsqlBatchCommand Version(Guid clinic) => new(VersionSql) { Parameters = { new() { Value = clinic } } };

    private static NpgsqlBatchCommand Holds(Guid clinic, IReadOnlyList<HostProfile> hosts, UtcRange range)
    {
        var window = SlotFinder.HoldWindow(range);
        return new(HoldsSql)
        {
            Parameters = { new() { Value = clinic }, new() { Value = hosts.Select(h => h.Id).ToArray() }, new() { Value = window.To }, new() { Value = window.From } },
        };
    }

    private static async Task<long> ReadVersionAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    private static async Task<IReadOnlyList<SlotHold>> ReadHoldsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var holds = new List<SlotHold>();
        while (await reader.ReadAsync(cancellationToken))
        {
            holds.Add(new SlotHold
            {
                Id = reader.GetGuid(0),
                HostId = reader.GetGuid(1),
                ServiceId = reader.GetGuid(2),
                StartUtc = reader.GetFieldValue<DateTimeOffset>(3),
                EndUtc = reader.GetFieldValue<DateTimeOffset>(4),
                BufferBeforeMinutes = reader.GetInt32(5),
                BufferAfterMinutes = reader.GetInt32(6),
                Capacity = reader.GetInt32(7),
                SeatsTaken = reader.GetInt32(8),
            });
        }
        return holds;
    }
}
