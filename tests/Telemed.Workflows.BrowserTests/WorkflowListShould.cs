using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>The workflow list in Chromium: the defaults, switching off and on, export and import, versions and restore.</summary>
[Collection(WorkflowsCollection.Name)]
public sealed class WorkflowListShould(WorkflowsFixture fixture)
{
    private const string Booked = WorkflowsFixture.BookedWorkflow;

    [Fact]
    public async Task ListTheDefaultWorkflowsAndSwitchThemOffAndOn()
    {
        var clinic = await fixture.NewClinicAsync();
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/workflows$"));
            var row = page.Locator($"tr[data-workflow-name='{Booked}']");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("On");
            await Expect(page.Locator("tr[data-workflow-name='Meeting link ready: send the join link']")).ToBeVisibleAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {Booked}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Booked}” is off");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("Off");
            Assert.False((await fixture.WorkflowAsync(clinic, Booked)).Enabled);

            await row.GetByRole(AriaRole.Button, new() { Name = $"Enable {Booked}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Booked}” is on");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("On");
            Assert.True((await fixture.WorkflowAsync(clinic, Booked)).Enabled);

            // Export, then import the file back as a new workflow, off until it is enabled.
            var workflow = await fixture.WorkflowAsync(clinic, Booked);
            var export = await page.APIRequest.GetAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows?handler=Export&id={workflow.Id}");
            Assert.Equal(200, export.Status);
            Assert.Contains("attachment", export.Headers["content-disposition"]);
            var json = await export.TextAsync();
            Assert.Equal(Booked, WorkflowStore.ParseDocument(json).Name);
            await page.GetByLabel("Exported file (.json)").SetInputFilesAsync(new FilePayload { Name = "booked.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json.Replace(Booked, "Imported booking flow")) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported “Imported booking flow”; it is off until you enable it.");
            await Expect(page.Locator(".drawflow-node[data-activity-id='confirm']")).ToBeVisibleAsync();
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await Expect(page.Locator("tr[data-workflow-name='Imported booking flow']").GetByTestId("workflow-state")).ToHaveTextAsync("Off");

            // Duplicate opens the copy in the editor; Delete asks first.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Duplicate {Booked}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{Booked} (copy)" })).ToBeVisibleAsync();
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete Imported booking flow" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete “Imported booking flow”?" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete this workflow" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted “Imported booking flow”.");
            await Expect(page.Locator("tr[data-workflow-name='Imported booking flow']")).ToHaveCountAsync(0);
            await Expect(page.Locator($"tr[data-workflow-name='{Booked} (copy)'] [data-testid='workflow-state']")).ToHaveTextAsync("Off");

            // A bad import is refused with a message beside the field.
            await page.GetByLabel("Or paste its JSON").FillAsync("{ not json");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("import-error")).ToContainTextAsync("This is not a workflow export");

            // At a phone's width the list scrolls inside its table, not the page.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await WorkflowsFixture.ScreenshotAsync(page, "workflows-390.png");
            await WorkflowsFixture.ExpectNoSidewaysScrollAsync(page);
        });
    }

    [Fact]
    public async Task RestoreAnEarlierVersion()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        var original = WorkflowDefinition.Parse(workflow.Definition);
        await fixture.InClinicAsync(clinic, async services =>
        {
            var changed = WorkflowDefinition.Parse(workflow.Definition);
            changed.Transitions.RemoveAll(t => t.To == "confirm");
            changed.Activities.RemoveAll(a => a.Id == "confirm");
            return await services.GetRequiredService<WorkflowStore>().SaveAsync(workflow.Id, workflow.Name, workflow.Description, changed, true, "Someone", "No confirmation",
                CancellationToken.None);
        });

        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/versions");
            await Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("No confirmation");
            await Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("Someone");
            await page.GetByRole(AriaRole.Link, new() { Name = "Compare version 1 with current" }).ClickAsync();
            await Expect(page.GetByTestId("diff").Locator("[data-diff='removed']").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("diff")).ToContainTextAsync("- ");
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-versions.png");

            await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Restored version 1 as version 3");
            await Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Restored version 1");
        });

        var restored = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(3, restored.Version);
        Assert.Equal(original.ToJson(), WorkflowDefinition.Parse(restored.Definition).ToJson());
    }
}
