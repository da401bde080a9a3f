using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Data.Migrations;
using Telemed.Core.Modules;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Web;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>
/// A database from before Meetings existed (Zoom's tables up to its version 3, holding a clinic's meeting, appointment,
/// connection and OAuth state) is upgraded by starting the new product on it: every row moves to Meetings' tables.
/// </summary>
public sealed class ZoomUpgradeShould
{
    [Fact]
    public async Task MoveZoomsMeetingsAppointmentsConnectionsAndStatesIntoMeetings()
    {
        var owner = await TestPostgres.CreateDatabaseAsync("upg");
        await MigrateAsBeforeMeetingsAsync(owner);
        var tenantId = Guid.NewGuid();
        var slug = $"up-{Guid.NewGuid():N}"[..12];
        var appointmentId = Guid.NewGuid();
        var hostId = Guid.NewGuid();
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(owner))
        {
            await ExecuteAsync(superuser, $$"""
                INSERT INTO tenants (id, slug, name) VALUES ('{{tenantId}}', '{{slug}}', 'Upgraded clinic');
                INSERT INTO zoom_connections (id, tenant_id, host_id, client_id, zoom_user_id, zoom_account_id, zoom_email, protected_access_token,
                  protected_refresh_token, access_token_expires_at, scopes, status, connected_at, updated_at)
                VALUES (gen_random_uuid(), '{{tenantId}}', '{{hostId}}', 'client', 'zu-1', 'za-1', 'dr@zoom.test', 'enc-access', 'enc-refresh', now(),
                  'meeting:write:meeting', 'connected', now(), now());
                INSERT INTO zoom_meetings (id, tenant_id, slot_key, host_id, host_name, wanted, topic, agenda, start_utc, duration_minutes, time_zone,
                  passcode, marker, zoom_meeting_id, join_url, protected_start_url, applied_start_utc, applied_duration_minutes, applied_topic,
                  state, attempts, desired_version, synced_version)
                VALUES (gen_random_uuid(), '{{tenantId}}', '{{appointmentId}}', '{{hostId}}', 'Dr Old', true, 'Consultation', 'Agenda [ref:x]',
                  '2031-01-01T10:00:00Z', 30, 'UTC', 'pass1234', '[ref:x]', 987654321, 'https://zoom.test/j/987654321', 'enc-start',
                  '2031-01-01T10:00:00Z', 30, 'Consultation', 'created', 1, 2, 2);
                INSERT INTO zoom_appointments (appointment_id, tenant_id, slot_key, host_id, start_utc, end_utc, active, last_event, applied_version)
                VALUES ('{{appointmentId}}', '{{tenantId}}', '{{appointmentId}}', '{{hostId}}', '2031-01-01T10:00:00Z', '2031-01-01T10:30:00Z', true,
                  '{"meetingProvider": 1, "patientName": "Pat Old", "patientEmail": "pat@old.test", "hostName": "Dr Old"}', 3);
                INSERT INTO zoom_oauth_states (id, tenant_id, host_id, user_id, protected_code_verifier, redirect_uri, expires_at)
                VALUES ('state-1', '{{tenantId}}', '{{hostId}}', gen_random_uuid(), 'enc-verifier', 'https://x.test/zoom/callback', now() + interval '5 minutes');
                """);
        }

        await using var host = await TestHost.StartAsync(ownerConnectionString: owner, configureServices: services => services.UseTestHostDirectory());

        await using (var superuser = await TestPostgres.OpenSuperuserAsync(owner))
        {
            Assert.Equal("zoom|987654321|created|pass1234|2|2", await ScalarAsync(superuser,
                $"SELECT provider || '|' || external_id || '|' || state || '|' || passcode || '|' || desired_version || '|' || synced_version FROM meetings WHERE tenant_id = '{tenantId}'"));
            Assert.Equal("zoom|Pat Old|pat@old.test|3|true", await ScalarAsync(superuser,
                $"SELECT provider || '|' || patient_name || '|' || patient_email || '|' || applied_version || '|' || active FROM meetings_appointments WHERE appointment_id = '{appointmentId}'"));
            Assert.Equal("zoom|zu-1|dr@zoom.test|enc-refresh|connected", await ScalarAsync(superuser,
                $"SELECT provider || '|' || external_user_id || '|' || email || '|' || protected_refresh_token || '|' || status FROM meetings_connections WHERE tenant_id = '{tenantId}'"));
            Assert.Equal("zoom", await ScalarAsync(superuser, "SELECT provider FROM meetings_oauth_states WHERE id = 'state-1'"));
            Assert.Equal("0", await ScalarAsync(superuser, "SELECT count(*)::text FROM pg_tables WHERE tablename IN ('zoom_meetings', 'zoom_appointments', 'zoom_connections', 'zoom_oauth_states')"));
            Assert.Equal("true", await ScalarAsync(superuser, "SELECT relforcerowsecurity::text FROM pg_class WHERE relname = 'meetings'"));
        }

        var tenant = (await host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug))!;
        var patient = await host.InTenantAsync(tenant, services => services.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId));
        Assert.Equal(MeetingState.Created, patient!.State);
        Assert.Equal("https://zoom.test/j/987654321", patient.JoinUrl);
        Assert.Equal("pass1234", patient.Passcode);
    }

    /// <summary>The schema as the product had it before Meetings: every module's migrations but Meetings', and Zoom's up to version 3.</summary>
    private static async Task MigrateAsBeforeMeetingsAsync(string owner)
    {
        var catalog = ModuleCatalog.Discover(typeof(TelemedWebApp).Assembly);
        var sources = catalog.Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(IMigrationSource).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t != typeof(MeetingsMigrations))
            .Select(t => (IMigrationSource)Activator.CreateInstance(t)!)
            .Select(s => s is ZoomMigrations zoom ? new UpTo(zoom, 3) : s)
            .ToList();
        await new MigrationRunner(sources, catalog, NullLogger<MigrationRunner>.Instance).ApplyAsync(owner);
    }

    private sealed class UpTo(IMigrationSource source, int version) : IMigrationSource
    {
        public string Module => source.Module;
        public IReadOnlyList<Migration> Migrations => source.Migrations.Where(m => m.Version <= version).ToList();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
