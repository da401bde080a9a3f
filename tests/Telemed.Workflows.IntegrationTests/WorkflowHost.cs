using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;
using Telemed.Notifications.IntegrationTests;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>The real host with a real SMTP server of the test and tight workflow limits, shared by a test class.</summary>
public sealed class WorkflowHostFixture : IAsyncLifetime
{
    public const int MessageCap = 4;
    public const int StepCap = 12;

    public TestHost Host { get; private set; } = null!;
    public CapturingSmtpServer Smtp { get; } = new();

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:FromAddress"] = "clinic@workflows.test",
        ["Workflows:AllowPrivateHttpTargets"] = "true",
        ["Workflows:MaxMessagesPerAppointment"] = MessageCap.ToString(),
        ["Workflows:MaxStepsPerInstance"] = StepCap.ToString(),
        ["Workflows:MaxActivityAttempts"] = "3",
    }, await TestPostgres.CreateDatabaseAsync("workflows"));

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public Task<Tenant> ClinicAsync() => TestClinics.ProvisionAsync(Host, "wf");

    public Task<T> InClinicAsync<T>(Tenant clinic, Func<IServiceProvider, Task<T>> work) => Host.InTenantAsync(clinic, work);

    /// <summary>Adds a workflow to the clinic and returns its id (enabled when it is valid and <paramref name="enabled"/>).</summary>
    public Task<WorkflowSaveResult> AddWorkflowAsync(Tenant clinic, string json, bool enabled = true) => InClinicAsync(clinic, async services =>
    {
        var store = services.GetRequiredService<WorkflowStore>();
        await store.EnsureSetUpAsync(CancellationToken.None);
        var document = WorkflowStore.ParseDocument(json);
        document.Enabled = enabled;
        return await store.CreateAsync(document, "test", "Added by the test", CancellationToken.None);
    });

    /// <summary>Turns off the clinic's default workflows, so a test sees only its own.</summary>
    public Task DisableDefaultsAsync(Tenant clinic) => InClinicAsync(clinic, async services =>
    {
        var store = services.GetRequiredService<WorkflowStore>();
        await store.EnsureSetUpAsync(CancellationToken.None);
        foreach (var type in await store.ListAsync(CancellationToken.None))
        {
            await store.SetEnabledAsync(type.Id, false, "test", CancellationToken.None);
        }
        return 0;
    });

    public static AppointmentChanged Appointment(Guid id, AppointmentChange change, DateTimeOffset start, int version, string email = "pat@patient.test",
        string status = "confirmed", string? phone = null, string? reason = null) =>
        new(id, change, status, Guid.NewGuid(), "Consultation", false, "none", 1, Guid.NewGuid(), null, "Dr Host", "Europe/London",
            start, start.AddMinutes(30), "Pat Patient", email, phone, "Europe/London", reason, id.ToString(), null, version);

    public Task PublishAsync(Tenant clinic, AppointmentChanged appointment) => TestClinics.PublishAsync(Host, clinic, appointment);

    /// <summary>Waits until the workflow has a run for the appointment that has stopped (finished, halted or faulted).</summary>
    public Task<(WorkflowInstance Run, List<WorkflowStep> Steps)> SettledRunAsync(Tenant clinic, Guid workflowId, Guid? appointmentId, string status = InstanceStatus.Finished) =>
        Waiting.ForAsync(
            () => InClinicAsync(clinic, async services =>
            {
                var db = services.GetRequiredService<WorkflowsDb>();
                var run = await db.Instances.AsNoTracking().Where(i => i.WorkflowTypeId == workflowId && i.AppointmentId == appointmentId)
                    .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync();
                var steps = run is null ? [] : await db.Steps.AsNoTracking().Where(s => s.InstanceId == run.Id).OrderBy(s => s.Id).ToListAsync();
                return (Run: run!, Steps: steps);
            }),
            r => r.Run?.Status == status,
            r => r.Run is null ? "no run" : $"{r.Run.Status} ({r.Run.HaltReason}): {string.Join(", ", r.Steps.Select(s => $"{s.ActivityId}={s.Status}/{s.Outcome} {s.Error}"))}",
            $"the workflow's run to be {status}");

    /// <summary>Brings the clinic's scheduled jobs of a kind (a delay's resume, a timer) forward to now, as the clock would.</summary>
    public async Task<int> BringForwardAsync(Tenant clinic, string kind)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand("UPDATE jobs SET run_at = now() WHERE kind = @kind AND tenant_id = @tenant AND state = 'available'", connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("tenant", clinic.Id);
        return await command.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<LoggedMessage>> MessagesAsync(Tenant clinic) =>
        InClinicAsync(clinic, services => services.GetRequiredService<MessageLog>().ListAsync(500));
}
