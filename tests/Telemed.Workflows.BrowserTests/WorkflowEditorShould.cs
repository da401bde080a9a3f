using System.Text.RegularExpressions;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>The drawn editor in Chromium: adding and connecting activities, saving enabled, drafts with problems on their activity and field.</summary>
[Collection(WorkflowsCollection.Name)]
public sealed class WorkflowEditorShould(WorkflowsFixture fixture)
{
    private const string Booked = WorkflowsFixture.BookedWorkflow;

    [Fact]
    public async Task AddAnSmsActivityConnectItAndSaveTheWorkflowEnabled()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        string smsId = "";
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Booked}" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/workflows/{workflow.Id}/edit$"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='booked']")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            var panel = page.GetByTestId("properties-panel");
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Send SMS" })).ToBeVisibleAsync();
            var sms = page.Locator(".drawflow-node[data-activity-type='notifications.sms']");
            smsId = await sms.GetAttributeAsync("data-activity-id") ?? "";
            Assert.Matches("^[0-9a-f]{6}$", smsId);
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("See you soon, {{ patient.name }}.");

            // Connect the start event's Done outcome to the SMS from the properties panel.
            await page.Locator(".drawflow-node[data-activity-id='booked'] .wf-node-title").ClickAsync();
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Appointment booked" })).ToBeVisibleAsync();
            await panel.GetByLabel("After “Done”, go to").SelectOptionAsync(new SelectOptionValue { Label = $"Send SMS ({smsId})" });
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).ClickAsync();
            await Expect(page.Locator($"svg.connection[data-from='booked'][data-outcome='Done'][data-to='{smsId}']")).ToHaveCountAsync(1);
            await Expect(panel).ToContainTextAsync($"Done → Send SMS ({smsId})");
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-editor.png");

            // Or by dragging from an outcome's port to an activity's input.
            var from = await page.Locator(".drawflow-node[data-activity-id='create-meeting'] .output[data-outcome='Done']").BoundingBoxAsync();
            var to = await sms.Locator(".input").BoundingBoxAsync();
            await page.Mouse.MoveAsync(from!.X + from.Width / 2, from.Y + from.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(to!.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 12 });
            await page.Mouse.UpAsync();
            await Expect(page.Locator($"svg.connection[data-from='create-meeting'][data-outcome='Done'][data-to='{smsId}']")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and enable" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved version 2; the workflow is on.");
            await Expect(page.Locator($"svg.connection[data-from='booked'][data-to='{smsId}']")).ToHaveCountAsync(1);
        });

        var saved = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(2, saved.Version);
        Assert.True(saved.Enabled);
        Assert.Null(saved.Problems);
        var definition = WorkflowDefinition.Parse(saved.Definition);
        Assert.Contains(new Transition("booked", "Done", smsId), definition.Transitions);
        Assert.Equal("See you soon, {{ patient.name }}.", definition.Find(smsId)!.Properties["text"]!.GetValue<string>());
        Assert.Contains(new Transition("create-meeting", "Done", smsId), definition.Transitions);
        Assert.Equal(4, definition.Transitions.Count);
    }

    [Fact]
    public async Task KeepAGraphWithAnUnconnectedActivityAsADisabledDraftAndShowTheProblemOnIt()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/edit");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            var panel = page.GetByTestId("properties-panel");
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("Nobody sends me");
            var id = await page.Locator(".drawflow-node[data-activity-type='notifications.sms']").GetAttributeAsync("data-activity-id");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and enable" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("as a draft (off): 1 problem");
            await Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Draft — 1 problem");
            await Expect(page.GetByTestId("workflow-problems")).ToContainTextAsync("Nothing leads to this activity");
            var node = page.Locator($".drawflow-node[data-activity-id='{id}']");
            await Expect(node).ToHaveClassAsync(new Regex(@"\bwf-problem\b"));
            await Expect(node).ToContainTextAsync("Nothing leads to this activity");

            // A Liquid mistake is shown on its field with its line and column, and the activity's form opens at it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {% if patient.name %}");
            await page.Locator(".drawflow-node[data-activity-id='booked'] .wf-node-title").ClickAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).WaitForAsync();
            var second = await page.Locator($".drawflow-node[data-activity-type='notifications.sms']:not([data-activity-id='{id}'])").GetAttributeAsync("data-activity-id");
            await panel.GetByLabel("After “Done”, go to").SelectOptionAsync(new SelectOptionValue { Label = $"Send SMS ({second})" });
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved version 3 as a draft (off): 2 problems");
            var textField = page.GetByTestId("properties-panel").GetByLabel("Text", new() { Exact = true });
            await Expect(textField).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByTestId("properties-panel")).ToContainTextAsync(new Regex(@"Text: Line 1, column \d+"));
            await Expect(page.Locator($".drawflow-node[data-activity-id='{second}']")).ToHaveClassAsync(new Regex(@"\bwf-problem\b"));
            await page.GetByRole(AriaRole.Button, new() { Name = $"Show Send SMS ({id})" }).ClickAsync();
            await Expect(page.GetByTestId("properties-panel")).ToContainTextAsync($"(id {id})");

            // The list refuses to switch the draft on, saying why.
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Enable {Booked}" }).ClickAsync();
            await Expect(page.GetByTestId("enable-refused")).ToContainTextAsync("Nothing leads to this activity");

            // The editor works at a phone's width: the canvas scrolls inside itself.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/edit");
            await Expect(node).ToBeAttachedAsync();
            await WorkflowsFixture.ExpectNoSidewaysScrollAsync(page);
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-editor-390.png");
        });

        var saved = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(3, saved.Version);
        Assert.False(saved.Enabled);
        Assert.NotNull(saved.Problems);
    }
}
