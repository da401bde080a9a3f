using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;
using Telemed.Core.Theming;

namespace Telemed.Tenants.Services;

/// <summary>What a clinic says about itself on its public site and in messages.</summary>
public sealed record ClinicSettings
{
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(200)]
    [Display(Name = "Contact e-mail")]
    public string? ContactEmail { get; init; }

    [Phone(ErrorMessage = "Enter a valid phone number.")]
    [StringLength(40)]
    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; init; }

    [StringLength(1000)]
    [Display(Name = "Welcome message")]
    public string? WelcomeMessage { get; init; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Use a colour like #0f766e.")]
    [ReadableOnWhite]
    [Display(Name = "Accent colour")]
    public string? AccentColor { get; init; }

    [StringLength(500)]
    [HttpsUrl]
    [Display(Name = "Logo address")]
    public string? LogoUrl { get; init; }
}

/// <summary>The clinic's settings as the public themes see them.</summary>
public sealed class ClinicSettingsBranding(ClinicSettingsStore store) : IClinicBrandingSource
{
    public async Task<ClinicBranding> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = await store.GetAsync(cancellationToken);
        return new ClinicBranding(settings.AccentColor, settings.LogoUrl);
    }
}

/// <summary>The clinics' settings this node has read; a save announces itself on <see cref="Channel"/> when it commits.</summary>
public sealed class ClinicSettingsMemory(PostgresNotifications notifications)
    : AnnouncedClinicMemory<Remembered<ClinicSettings>>(notifications, Channel, () => new Remembered<ClinicSettings>())
{
    public const string Channel = "clinic_settings";
}

/// <summary>
/// Reads and writes the current clinic's settings (one JSON document per clinic). Every public page asks for the
/// branding and contact details: they come from memory while the node hears the saves' announcements, and from the
/// database (the clinic setting and the read in one round trip) otherwise.
/// </summary>
public sealed class ClinicSettingsStore(Database database, TenantContext tenantContext, ClinicSettingsMemory memory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ClinicSettings? _read;

    public async Task<ClinicSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_read is not null)
        {
            return _read;
        }
        var trusted = memory.Trusted;
        var remembered = tenantContext.TenantId is { } clinic ? memory.For(clinic) : new Remembered<ClinicSettings>();
        if (trusted && remembered.Value is { } known)
        {
            return _read = known;
        }
        await using var reads = await database.ReadAsync(tenantContext.TenantId, [new("SELECT document::text FROM clinic_settings")], cancellationToken);
        _read = await reads.Reader.ReadAsync(cancellationToken) && !reads.Reader.IsDBNull(0)
            ? JsonSerializer.Deserialize<ClinicSettings>(reads.Reader.GetString(0), Json) ?? new ClinicSettings()
            : new ClinicSettings();
        if (trusted)
        {
            remembered.Value = _read;
        }
        return _read;
    }

    public async Task SaveAsync(ClinicSettings settings, CancellationToken cancellationToken = default)
    {
        var clinic = tenantContext.Required.Id;
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        // One batch, one implicit transaction: the announcement goes out when the save commits.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("""
                    INSERT INTO clinic_settings (tenant_id, document) VALUES ($1, $2)
                    ON CONFLICT (tenant_id) DO UPDATE SET document = excluded.document, updated_at = now()
                    """)
                {
                    Parameters = { new() { Value = clinic }, new() { Value = JsonSerializer.Serialize(settings, Json), NpgsqlDbType = NpgsqlDbType.Jsonb } },
                },
                new($"SELECT pg_notify('{ClinicSettingsMemory.Channel}', $1)") { Parameters = { new() { Value = clinic.ToString() } } },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        memory.Forget(clinic);
        _read = settings;
    }
}
