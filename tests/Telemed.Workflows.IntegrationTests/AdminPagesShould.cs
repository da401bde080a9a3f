using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Navigation;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>What the clinic's admins are told of workflows outside the editor: stopped runs on their home page, the signing key.</summary>
public sealed class AdminPagesShould(WorkflowHostFixture fixture) : IClassFixture<WorkflowHostFixture>
{
    [Fact]
    public async Task WarnOnTheAdminHomeOfARunALimitStoppedAndListItAmongTheStoppedRuns()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Spinning", "activities": [ { "id": "booked", "type": "appointment.booked" },
                { "id": "wait", "type": "workflows.delay", "properties": { "minutes": "0" } },
                { "id": "again", "type": "workflows.if", "properties": { "condition": "true" } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "again" }, { "from": "again", "outcome": "True", "to": "wait" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1));
        var (run, _) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId, InstanceStatus.Halted);

        var client = await TestClinics.SignInAsync(fixture.Host, $"/c/{clinic.Slug}", TestClinics.AdminEmail);
        var home = await client.GetPageAsync($"/c/{clinic.Slug}/admin");
        var alert = home.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href")?.EndsWith("/admin/workflows/runs?status=stopped") == true);
        Assert.NotNull(alert);
        Assert.Contains("1 workflow run was stopped in the last 7 days", home.Body!.TextContent);

        var stopped = await client.GetPageAsync($"/c/{clinic.Slug}/admin/workflows/runs?status=stopped");
        Assert.NotNull(stopped.QuerySelector($"tr[data-run='{run.Id}']"));
        var all = await fixture.InClinicAsync(clinic, services => services.GetServices<IAdminAlertSource>().OfType<WorkflowAlerts>().Single().GetAlertsAsync(clinic, CancellationToken.None));
        Assert.Equal(AdminAlertLevel.Danger, Assert.Single(all).Level);

        // Another clinic's admin home says nothing of it.
        var other = await fixture.ClinicAsync();
        var otherAlerts = await fixture.InClinicAsync(other, services => services.GetServices<IAdminAlertSource>().OfType<WorkflowAlerts>().Single().GetAlertsAsync(other, CancellationToken.None));
        Assert.Empty(otherAlerts);
    }

    [Fact]
    public async Task ShowTheSigningKeyOnlyToTheClinicsAdminWhoAsks()
    {
        var clinic = await fixture.ClinicAsync();
        var client = await TestClinics.SignInAsync(fixture.Host, $"/c/{clinic.Slug}", TestClinics.AdminEmail);
        var list = await client.GetPageAsync($"/c/{clinic.Slug}/admin/workflows");
        Assert.Null(list.QuerySelector("[data-testid=signing-key]"));

        var response = await client.SubmitFormAsync(list, $"/c/{clinic.Slug}/admin/workflows", new Dictionary<string, string>(), handler: "RevealKey");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=signing-key]")?.GetAttribute("value");
        var key = await fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowSigningKeys>().DisplayAsync(CancellationToken.None));
        Assert.Equal(key, shown);

        // Without the form's antiforgery token, or signed out, nothing is shown.
        var forged = await client.PostAsync($"/c/{clinic.Slug}/admin/workflows?handler=RevealKey", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var anonymous = await fixture.Host.CreateClient().PostAsync($"/c/{clinic.Slug}/admin/workflows?handler=RevealKey", new FormUrlEncodedContent([]));
        Assert.DoesNotContain(key, await anonymous.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
