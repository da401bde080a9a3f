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

/// <summary>
/// Reads and writes the current clinic's settings (one JSON document per clinic). Read once per scope: a public page
/// asks for the branding and the contact details, and both come from this one row.
/// </summary>
public sealed class ClinicSettingsStore(Database database, TenantContext tenantContext)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ClinicSettings? _read;

    public async Task<ClinicSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_read is not null)
        {
            return _read;
        }
        // Every public page asks: the clinic setting and the read go in one round trip.
        await using var reads = await database.ReadAsync(tenantContext.TenantId, [new("SELECT document::text FROM clinic_settings")], cancellationToken);
        _read = await reads.Reader.ReadAsync(cancellationToken) && !reads.Reader.IsDBNull(0)
            ? JsonSerializer.Deserialize<ClinicSettings>(reads.Reader.GetString(0), Json) ?? new ClinicSettings()
            : new ClinicSettings();
        return _read;
    }

    public async Task SaveAsync(ClinicSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO clinic_settings (tenant_id, document) VALUES (@tenant, @document)
            ON CONFLICT (tenant_id) DO UPDATE SET document = excluded.document, updated_at = now()
            """, connection);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        command.Parameters.AddWithValue("document", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(settings, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
        _read = settings;
    }
}
