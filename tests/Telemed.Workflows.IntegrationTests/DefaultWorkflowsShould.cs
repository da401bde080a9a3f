using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Notifications.IntegrationTests;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>The demo clinic's recipe with its default workflows, booked through the booking module: meetings at the sandbox, mail over SMTP.</summary>
public sealed class DefaultWorkflowsShould : IAsyncLifetime
{
    private readonly CapturingSmtpServer _smtp = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _smtp.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:FromAddress"] = "clinic@demo.test",
        ["Zoom:RecipeSandboxConnections"] = "true",
    }, await TestPostgres.CreateDatabaseAsync("wfdemo"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task MakeTheMeetingAtTheProviderAndMailTheJoinLinkWhenAnAppointmentIsBooked()
    {
        var clinic = await DemoClinicAsync();
        var email = $"pat.{Guid.NewGuid():N}@patient.test";
        var appointmentId = await BookAsync(clinic, "General consultation", email);

        var meeting = await Waiting.ForAsync(() => _host.InTenantAsync(clinic, s => s.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId)),
            m => m?.State == MeetingState.Created, m => $"{m?.State}", "the Zoom meeting");
        Assert.Equal("zoom", meeting!.Provider);
        Assert.False(string.IsNullOrEmpty(meeting.JoinUrl));

        var mails = await Waiting.ForAsync(() => Task.FromResult(_smtp.To(email).ToList()), m => m.Any(x => x.TextBody?.Contains(meeting.JoinUrl) == true),
            m => string.Join(" | ", m.Select(x => x.Subject)), "the e-mail with the join link");
        var linkMail = mails.First(m => m.TextBody.Contains(meeting.JoinUrl));
        Assert.Contains(meeting.Passcode!, linkMail.TextBody);
        Assert.Contains(mails, m => m != linkMail);

        // What ran: the booked workflow made the meeting and confirmed; the link workflow mailed the link.
        var runs = await RunsAsync(clinic, appointmentId);
        Assert.Contains(runs, r => r.Run.WorkflowName.StartsWith("Booked") && r.Run.Status == InstanceStatus.Finished
            && r.Steps.Select(s => s.ActivityId).Order().SequenceEqual(new[] { "booked", "confirm", "create-meeting" }));
        Assert.Contains(runs, r => r.Run.WorkflowName.StartsWith("Meeting link ready") && r.Steps.Any(s => s.ActivityId == "send-link" && s.Status == StepStatus.Done));
    }

    [Fact]
    public async Task MakeNoMeetingWhenTheClinicTakesCreateMeetingOutOfItsBookedWorkflow()
    {
        var clinic = await DemoClinicAsync();
        await _host.InTenantAsync(clinic, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            var booked = (await store.ListAsync(CancellationToken.None)).Single(t => t.Name.StartsWith("Booked"));
            var definition = WorkflowDefinition.Parse(booked.Definition);
            definition.Activities.RemoveAll(a => a.Type == "meetings.create");
            definition.Transitions.RemoveAll(t => t.To == "create-meeting");
            var saved = await store.SaveAsync(booked.Id, booked.Name, booked.Description, definition, null, "Ada Admin", "No meetings at booking", CancellationToken.None);
            Assert.True(saved!.Enabled);
            return saved;
        });
        var email = $"pat.{Guid.NewGuid():N}@patient.test";
        var appointmentId = await BookAsync(clinic, "General consultation", email);

        await Waiting.UntilAsync(() => _smtp.To(email).Any(), "the confirmation");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var meeting = await _host.InTenantAsync(clinic, s => s.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId));
        Assert.True(meeting is null || meeting.State == MeetingState.NotApplicable, $"{meeting?.State}");
        var runs = await RunsAsync(clinic, appointmentId);
        Assert.DoesNotContain(runs, r => r.Steps.Any(s => s.ActivityType == "meetings.create"));
    }

    [Fact]
    public async Task CancelFromAWorkflowThenRemoveTheMeetingAndTellThePatientWhy()
    {
        var clinic = await DemoClinicAsync();
        var screening = await _host.InTenantAsync(clinic, services => services.GetRequiredService<WorkflowStore>().CreateAsync(WorkflowStore.ParseDocument("""
            { "name": "Turn away test bookings", "enabled": true, "activities": [
                { "id": "booked", "type": "appointment.booked" },
                { "id": "meeting", "type": "meeting.created" },
                { "id": "test", "type": "workflows.if", "properties": { "condition": "patient.name contains \"Test\"" } },
                { "id": "cancel", "type": "booking.set-status", "properties": { "status": "cancelled", "reason": "Test bookings are not kept ({{ service.name }})" } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "meeting" }, { "from": "meeting", "outcome": "Done", "to": "test" }, { "from": "test", "outcome": "True", "to": "cancel" } ] }
            """), "test", "Added by the test", CancellationToken.None));
        Assert.True(screening.Enabled, string.Join("; ", screening.Problems.Select(p => p.Message)));
        var email = $"pat.{Guid.NewGuid():N}@patient.test";
        var appointmentId = await BookAsync(clinic, "General consultation", email, "Test Person");

        // The run waited at "meeting link ready", went on when the meeting was made, and cancelled the appointment.
        var (run, steps) = await Waiting.ForAsync(() => _host.InTenantAsync(clinic, async s =>
            {
                var db = s.GetRequiredService<WorkflowsDb>();
                var run = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.WorkflowTypeId == screening.Id && i.AppointmentId == appointmentId);
                return (run, run is null ? [] : await db.Steps.AsNoTracking().Where(x => x.InstanceId == run.Id).OrderBy(x => x.Id).ToListAsync());
            }), r => r.run?.Status == InstanceStatus.Finished, r => $"{r.run?.Status}: {string.Join(",", r.Item2.Select(x => $"{x.ActivityId}/{x.Status}/{x.Note}"))}", "the screening run");
        Assert.Equal(["booked", "meeting", "test", "cancel"], steps.Select(s => s.ActivityId));
        Assert.Equal("Marked cancelled.", steps[3].Note);

        var status = await _host.InTenantAsync(clinic, s => s.GetRequiredService<BookingDb>().Appointments.Where(a => a.Id == appointmentId).Select(a => a.Status).SingleAsync());
        Assert.Equal("cancelled", status);
        await Waiting.ForAsync(() => _host.InTenantAsync(clinic, s => s.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId)),
            m => m is null || m.State is MeetingState.Deleted or MeetingState.NotApplicable, m => $"{m?.State}", "the meeting to be removed");
        await Waiting.UntilAsync(() => _smtp.To(email).Any(m => m.TextBody.Contains("Test bookings are not kept (General consultation)")), "the cancellation with its reason");
    }

    private Task<Tenant> DemoClinicAsync() => TestClinics.ProvisionDemoAsync(_host, "wfd");

    private Task<Guid> BookAsync(Tenant clinic, string serviceName, string email, string patientName = "Pat Patient") => _host.InTenantAsync(clinic, async services =>
    {
        var db = services.GetRequiredService<BookingDb>();
        var finder = services.GetRequiredService<SlotFinder>();
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Name == serviceName);
        var hosts = await finder.HostsOfferingAsync(service.Id, null, CancellationToken.None);
        var from = finder.Now.AddDays(2);
        var slot = (await finder.FindAsync(service, hosts, 30, new UtcRange(from, from.AddDays(7)), CancellationToken.None)).First();
        var result = await services.GetRequiredService<BookingService>().BookAsync(
            new BookingRequest(service.Id, slot.Host.Id, slot.Slot.Start, 30, new PatientInfo(patientName, email, null, "Europe/London", null, null)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return result.Appointment!.Id;
    });

    private Task<List<(WorkflowInstance Run, List<WorkflowStep> Steps)>> RunsAsync(Tenant clinic, Guid appointmentId) => _host.InTenantAsync(clinic, async services =>
    {
        var db = services.GetRequiredService<WorkflowsDb>();
        var runs = await db.Instances.AsNoTracking().Where(i => i.AppointmentId == appointmentId).ToListAsync();
        var result = new List<(WorkflowInstance, List<WorkflowStep>)>();
        foreach (var run in runs)
        {
            result.Add((run, await db.Steps.AsNoTracking().Where(s => s.InstanceId == run.Id).OrderBy(s => s.Id).ToListAsync()));
        }
        return result;
    });
}
