using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Core.Tenancy;

/// <summary>
/// Reads and writes the tenant registry. Reads come from a per-node snapshot that every node
/// reloads when any node changes a tenant (NOTIFY on the <c>tenants</c> channel).
/// </summary>
public sealed class TenantRegistry : ITenantStore
{
    public const string Channel = "tenants";
    private const string Columns = "id, slug, name, host_names, state, theme, time_zone, created_at";

    private readonly Database _database;
    private volatile Snapshot? _snapshot;

    public TenantRegistry(Database database, PostgresNotifications notifications)
    {
        _database = database;
        notifications.Subscribe(Channel, _ => _snapshot = null);
    }

    public async Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).BySlug.GetValueOrDefault(slug.ToLowerInvariant());

    public async Task<Tenant?> FindByHostAsync(string host, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ByHost.GetValueOrDefault(host.ToLowerInvariant());

    public async Task<Tenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ById.GetValueOrDefault(id) ?? await LoadOneAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).All;

    public async Task CreateAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"INSERT INTO tenants ({Columns}) VALUES (@id, @slug, @name, @hosts, @state, @theme, @zone, @created)", command =>
        {
            command.Parameters.AddWithValue("id", tenant.Id);
            command.Parameters.AddWithValue("slug", tenant.Slug);
            command.Parameters.AddWithValue("name", tenant.Name);
            command.Parameters.AddWithValue("hosts", tenant.HostNames.Select(h => h.ToLowerInvariant()).ToArray());
            command.Parameters.AddWithValue("state", tenant.State.ToString());
            command.Parameters.AddWithValue("theme", tenant.Theme);
            command.Parameters.AddWithValue("zone", tenant.TimeZone);
            command.Parameters.AddWithValue("created", tenant.CreatedAt);
        }, cancellationToken);
    }

    public Task<bool> SetStateAsync(Guid id, TenantState state, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, "UPDATE tenants SET state = @value WHERE id = @id", state.ToString(), cancellationToken);

    public Task<bool> SetHostNamesAsync(Guid id, IEnumerable<string> hostNames, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, "UPDATE tenants SET host_names = @value WHERE id = @id", hostNames.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToArray(), cancellationToken);

    /// <summary>Deletes the clinic; every tenant-owned row goes with it through ON DELETE CASCADE.</summary>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        id == Tenant.PlatformId
            ? throw new InvalidOperationException("The platform tenant cannot be deleted.")
            : ChangeAsync(id, "DELETE FROM tenants WHERE id = @id", null, cancellationToken);

    private async Task<bool> ChangeAsync(Guid id, string sql, object? value, CancellationToken cancellationToken) =>
        await ExecuteAsync(sql, command =>
        {
            command.Parameters.AddWithValue("id", id);
            if (value is not null)
            {
                command.Parameters.AddWithValue("value", value);
            }
        }, cancellationToken) > 0;

    /// <summary>Runs one change and tells every node to reload its snapshot.</summary>
    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', '')", connection);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        _snapshot = null;
        return rows;
    }

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.LoadedAt > DateTime.UtcNow.AddMinutes(-5))
        {
            return snapshot;
        }
        var tenants = await LoadAsync("", null, cancellationToken);
        snapshot = new Snapshot(tenants);
        _snapshot = snapshot;
        return snapshot;
    }

    private async Task<Tenant?> LoadOneAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync("WHERE id = @id", id, cancellationToken)).FirstOrDefault();

    private async Task<List<Tenant>> LoadAsync(string where, Guid? id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM tenants {where} ORDER BY name", connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<Tenant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(new Tenant(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                Enum.Parse<TenantState>(reader.GetString(4)), reader.GetString(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return tenants;
    }

    private sealed class Snapshot(List<Tenant> tenants)
    {
        public DateTime LoadedAt { get; } = DateTime.UtcNow;
        public IReadOnlyList<Tenant> All { get; } = tenants;
        public Dictionary<string, Tenant> BySlug { get; } = tenants.ToDictionary(t => t.Slug);
        public Dictionary<Guid, Tenant> ById { get; } = tenants.ToDictionary(t => t.Id);
        public Dictionary<string, Tenant> ByHost { get; } = tenants
            .SelectMany(t => t.HostNames.Select(h => (Host: h, Tenant: t)))
            .GroupBy(x => x.Host).ToDictionary(g => g.Key, g => g.First().Tenant);
    }
}
