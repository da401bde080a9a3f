using Microsoft.EntityFrameworkCore;
using Npgsql;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Catalog;

/// <summary>
/// Reads for the public booking path: the clinic's catalog (from memory while its version holds) and the seats held in a
/// time range. Each read is one round trip: the clinic setting for row-level security, the catalog version and the
/// read's own query go as one batch; only when the version has moved is the catalog read again.
/// </summary>
public sealed class CatalogReader(BookingDb db, Database database, TenantContext tenantContext, BookingCatalogs catalogs)
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
        long version;
        await using (var reads = await database.ReadAsync(clinic, [Version(clinic)], cancellationToken))
        {
            version = await ReadVersionAsync(reads.Reader, cancellationToken);
        }
        return catalogs.Find(clinic) is { } held && held.Version == version ? held : await LoadAsync(clinic, cancellationToken);
    }

    /// <summary>
    /// The clinic's catalog and the seats held in <paramref name="range"/> (with the engine's margin for buffers) by the hosts
    /// offering <paramref name="serviceId"/>: one round trip while the catalog in memory is current.
    /// </summary>
    public async Task<(ClinicCatalog Catalog, IReadOnlyList<SlotHold> Holds)> WithHoldsAsync(Guid serviceId, UtcRange range, CancellationToken cancellationToken)
    {
        var clinic = tenantContext.Required.Id;
        var held = catalogs.Find(clinic);
        await using (var reads = await database.ReadAsync(clinic, [Version(clinic), Holds(clinic, HostIds(held, serviceId), range)], cancellationToken))
        {
            var version = await ReadVersionAsync(reads.Reader, cancellationToken);
            if (held is not null && held.Version == version)
            {
                await reads.Reader.NextResultAsync(cancellationToken);
                return (held, await ReadHoldsAsync(reads.Reader, cancellationToken));
            }
        }

        var current = await LoadAsync(clinic, cancellationToken);
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
        await using var reads = await database.ReadAsync(clinic, [Holds(clinic, hosts.Select(h => h.Id).ToArray(), range)], cancellationToken);
        return await ReadHoldsAsync(reads.Reader, cancellationToken);
    }

    /// <summary>Reads the catalog through the module's context (rare: only after a change), version first, so the version
    /// kept is never newer than what was read with it.</summary>
    private async Task<ClinicCatalog> LoadAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var read = new NpgsqlCommand(VersionSql, (NpgsqlConnection)db.Database.GetDbConnection()) { Parameters = { new() { Value = clinic } } };
            var version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
            var services = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken);
            var hosts = await db.Hosts.AsNoTracking().Where(h => h.Active).OrderBy(h => h.DisplayName).ToListAsync(cancellationToken);
            var links = await db.ServiceHosts.AsNoTracking().ToListAsync(cancellationToken);
            var catalog = new ClinicCatalog(version, services, hosts, links);
            catalogs.Keep(clinic, catalog);
            return catalog;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Guid[] HostIds(ClinicCatalog? catalog, Guid serviceId) =>
        catalog?.HostsOffering(serviceId).Select(h => h.Id).ToArray() ?? [];

    private static NpgsqlBatchCommand Version(Guid clinic) => new(VersionSql) { Parameters = { new() { Value = clinic } } };

    private static NpgsqlBatchCommand Holds(Guid clinic, Guid[] hostIds, UtcRange range)
    {
        var window = SlotFinder.HoldWindow(range);
        return new(HoldsSql)
        {
            Parameters = { new() { Value = clinic }, new() { Value = hostIds }, new() { Value = window.To }, new() { Value = window.From } },
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
