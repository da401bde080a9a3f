using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>Each of the workflow module's own activities and the message activities, run by the real engine as jobs.</summary>
public sealed class ActivitiesShould(WorkflowHostFixture fixture) : IClassFixture<WorkflowHostFixture>
{
    private static DateTimeOffset NextWeek => DateTimeOffset.UtcNow.AddDays(7);

    [Fact]
    public async Task BranchOnALiquidConditionAndRenderTheEmailWithTheAppointment()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "VIP greeting", "activities": [
                { "id": "booked", "type": "appointment.booked" },
                { "id": "vip", "type": "workflows.if", "properties": { "condition": "patient.email contains \"vip\"" } },
                { "id": "warm", "type": "notifications.email", "properties": { "to": "patient", "subject": "Welcome back {{ patient.name }}", "body": "Your {{ service.name }} is booked." } },
                { "id": "plain", "type": "notifications.email", "properties": { "to": "patient", "subject": "Booked", "body": "See you." } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "vip" }, { "from": "vip", "outcome": "True", "to": "warm" }, { "from": "vip", "outcome": "False", "to": "plain" } ] }
            """);
        Assert.True(workflow.IsValid, string.Join("; ", workflow.Problems.Select(p => p.Message)));

        var vip = Guid.NewGuid();
        var regular = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(vip, AppointmentChange.Booked, NextWeek, 1, email: $"vip.{vip:N}@patient.test"));
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(regular, AppointmentChange.Booked, NextWeek, 1, email: $"p.{regular:N}@patient.test"));

        var (_, vipSteps) = await fixture.SettledRunAsync(clinic, workflow.Id, vip);
        Assert.Equal(["booked", "vip", "warm"], vipSteps.Select(s => s.ActivityId));
        Assert.Equal("True", vipSteps[1].Outcome);
        var (_, regularSteps) = await fixture.SettledRunAsync(clinic, workflow.Id, regular);
        Assert.Equal(["booked", "vip", "plain"], regularSteps.Select(s => s.ActivityId));

        var mail = await Waiting.ForAsync(() => Task.FromResult(fixture.Smtp.To($"vip.{vip:N}@patient.test").ToList()), m => m.Count == 1,
            m => $"{m.Count} e-mails", "the VIP e-mail");
        Assert.Equal("Welcome back Pat Patient", mail[0].Subject);
        Assert.Contains("Your Consultation is booked.", mail[0].TextBody);
        // A finished step has queued its message; the SMTP exchange follows as a job, so it is waited for like the VIP's.
        var plain = await Waiting.ForAsync(() => Task.FromResult(fixture.Smtp.To($"p.{regular:N}@patient.test").ToList()), m => m.Count == 1,
            m => $"{m.Count} e-mails", "the plain e-mail");
        Assert.Equal("Booked", plain[0].Subject);
    }

    [Fact]
    public async Task WaitOutADelayAsAScheduledJobAndGoOnWhenItsTimeComes()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Follow up later", "activities": [
                { "id": "booked", "type": "appointment.booked" },
                { "id": "wait", "type": "workflows.delay", "properties": { "minutes": "30", "until": "for" } },
                { "id": "mail", "type": "notifications.email", "properties": { "to": "address", "address": "ops@clinic.test", "subject": "Half an hour after {{ patient.name }} booked", "body": "." } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "mail" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, NextWeek, 1));

        var (run, steps) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId, InstanceStatus.Waiting);
        var wait = steps.Single(s => s.ActivityId == "wait");
        Assert.Equal(StepStatus.Waiting, wait.Status);
        Assert.InRange(wait.WaitUntil!.Value, DateTimeOffset.UtcNow.AddMinutes(28), DateTimeOffset.UtcNow.AddMinutes(31));
        Assert.DoesNotContain(steps, s => s.ActivityId == "mail");

        // The wait is a job scheduled for its time: bring that time forward, as the clock would.
        Assert.Equal(1, await fixture.BringForwardAsync(clinic, "workflows.resume"));
        var (finished, after) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId);
        Assert.Equal(run.Id, finished.Id);
        Assert.Equal(["booked", "wait", "mail"], after.Select(s => s.ActivityId));
        Assert.All(after, s => Assert.Equal(StepStatus.Done, s.Status));
        await Waiting.UntilAsync(() => fixture.Smtp.To("ops@clinic.test").Any(m => m.Subject == "Half an hour after Pat Patient booked"), "the follow-up e-mail");
    }

    [Fact]
    public async Task SignHttpRequestsAndRetryAFailedOneWithTheSameIdempotencyKey()
    {
        using var receiver = new RecordingReceiver(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, $$$"""
            { "name": "Tell the EHR", "activities": [
                { "id": "booked", "type": "appointment.booked" },
                { "id": "call", "type": "workflows.http", "properties": { "url": "{{{receiver.Url}}}appointments", "method": "POST",
                  "body": "{ \"id\": \"{{ appointment.id }}\", \"patient\": \"{{ patient.name }}\" }" } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "call" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, NextWeek, 1));

        var (_, steps) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId);
        var call = steps.Single(s => s.ActivityId == "call");
        Assert.Equal("Done", call.Outcome);
        Assert.Equal(2, call.Attempts);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.IdempotencyKey).Distinct());
        var request = receiver.Requests[1];
        Assert.Equal($"{{ \"id\": \"{appointmentId}\", \"patient\": \"Pat Patient\" }}", request.Body);

        var key = await fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowSigningKeys>().GetAsync(CancellationToken.None));
        var parts = request.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}")));
        Assert.Equal(expected, parts["v1"]);
        Assert.InRange(long.Parse(parts["t"]), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // Another clinic's key does not verify it.
        var other = await fixture.ClinicAsync();
        var otherKey = await fixture.InClinicAsync(other, services => services.GetRequiredService<WorkflowSigningKeys>().GetAsync(CancellationToken.None));
        Assert.NotEqual(expected, Convert.ToHexStringLower(HMACSHA256.HashData(otherKey, Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}"))));
    }

    [Fact]
    public async Task TextThePatientAndTellTheStaffWithTextWrittenInTheWorkflow()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Text and tell", "activities": [
                { "id": "cancelled", "type": "appointment.cancelled" },
                { "id": "text", "type": "notifications.sms", "properties": { "to": "patient", "text": "{{ patient.name }}, your visit is cancelled: {{ appointment.cancellation_reason }}" } },
                { "id": "staff", "type": "notifications.notify-staff", "properties": { "subject": "Cancelled: {{ patient.name }}", "body": "Reason: {{ appointment.cancellation_reason }}" } } ],
              "transitions": [ { "from": "cancelled", "outcome": "Done", "to": "text" }, { "from": "text", "outcome": "Done", "to": "staff" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Cancelled, NextWeek, 2, status: "cancelled",
            phone: "+44 7700 900123", reason: "The doctor is ill"));

        await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId);
        var messages = await fixture.MessagesAsync(clinic);
        var sms = Assert.Single(messages, m => m.Channel == "sms");
        Assert.Equal("+447700900123", sms.Recipient);
        Assert.Equal("Pat Patient, your visit is cancelled: The doctor is ill", sms.Body);
        Assert.Equal(appointmentId, sms.AppointmentId);
        var staff = Assert.Single(messages, m => m.Channel == "email");
        Assert.Equal(TestClinics.AdminEmail, staff.Recipient);
        await Waiting.UntilAsync(() => fixture.Smtp.To(TestClinics.AdminEmail).Any(m => m.Subject == "Cancelled: Pat Patient" && m.TextBody.Contains("Reason: The doctor is ill")),
            "the staff e-mail over SMTP");
    }

    [Fact]
    public async Task StartAtATimeBeforeTheAppointmentAndNotForOneThatMoved()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Two hours before", "activities": [
                { "id": "before", "type": "appointment.time", "properties": { "minutes": "120", "relative": "before-start" } },
                { "id": "mail", "type": "notifications.email", "properties": { "to": "patient", "subject": "Soon: {{ service.name }}", "body": "In two hours." } } ],
              "transitions": [ { "from": "before", "outcome": "Done", "to": "mail" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, start, 1, email: $"t.{appointmentId:N}@patient.test"));
        var moved = start.AddDays(1);
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Rescheduled, moved, 2, email: $"t.{appointmentId:N}@patient.test"));

        var timers = await Waiting.ForAsync(() => TimersAsync(clinic), t => t.Count == 2, t => $"{t.Count} timers", "a timer per time the appointment had");
        Assert.Contains(timers, t => (t - start.AddHours(-2)).Duration() < TimeSpan.FromSeconds(1));
        Assert.Contains(timers, t => (t - moved.AddHours(-2)).Duration() < TimeSpan.FromSeconds(1));

        // Both come due now: only the one for the appointment's current time starts the workflow.
        await fixture.BringForwardAsync(clinic, "workflows.timer");
        var (run, _) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId);
        Assert.EndsWith(moved.AddHours(-2).ToUnixTimeSeconds().ToString(), run.TriggerKey);
        await Waiting.UntilAsync(() => fixture.Smtp.To($"t.{appointmentId:N}@patient.test").Count() == 1, "one e-mail");
        await Task.Delay(1000);
        Assert.Single(fixture.Smtp.To($"t.{appointmentId:N}@patient.test"));
    }

    private async Task<List<DateTimeOffset>> TimersAsync(Telemed.Core.Tenancy.Tenant clinic)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(fixture.Host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand("SELECT run_at FROM jobs WHERE kind = 'workflows.timer' AND tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", clinic.Id);
        var times = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }
        return times;
    }
}

/// <summary>An HTTP endpoint on loopback that records what it is sent and answers with the given statuses in turn.</summary>
public sealed class RecordingReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<HttpStatusCode> _answers;

    public sealed record Received(string Method, string Path, string Body, string Signature, string IdempotencyKey);

    public List<Received> Requests { get; } = [];
    public string Url { get; }

    /// <summary>When set, the receiver holds the first request open until it is released (a node dying mid-call).</summary>
    public TaskCompletionSource? HoldFirst { get; init; }
    public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingReceiver(params HttpStatusCode[] answers)
    {
        _answers = new Queue<HttpStatusCode>(answers);
        var port = System.Net.Sockets.TcpListener.Create(0) is var probe ? Probe(probe) : 0;
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private static int Probe(System.Net.Sockets.TcpListener probe)
    {
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            bool first;
            lock (Requests)
            {
                Requests.Add(new(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body,
                    context.Request.Headers["Telemed-Signature"] ?? "", context.Request.Headers["Idempotency-Key"] ?? ""));
                first = Requests.Count == 1;
            }
            if (first)
            {
                FirstArrived.TrySetResult();
                if (HoldFirst is not null)
                {
                    _ = HoldFirst.Task.ContinueWith(_ => context.Response.Abort());
                    continue;
                }
            }
            context.Response.StatusCode = (int)(_answers.Count > 0 ? _answers.Dequeue() : HttpStatusCode.OK);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        HoldFirst?.TrySetResult();
        _listener.Close();
    }
}
