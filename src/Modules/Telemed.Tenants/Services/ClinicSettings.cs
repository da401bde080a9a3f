using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

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
    [Display(Name = "Accent colour")]
    public string? AccentColor { get; init; }
}

/// <summary>Reads and writes the current clinic's settings (one JSON document per clinic).</summary>
public sealed class ClinicSettingsStore(Database database, TenantContext tenantContext)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ClinicSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document::text FROM clinic_settings", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<ClinicSettings>(json, Json) ?? new ClinicSettings()
            : new ClinicSettings();
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
    }
}
