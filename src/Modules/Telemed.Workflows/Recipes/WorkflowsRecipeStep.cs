using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Recipes;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Recipes;

/// <summary>
/// <c>{ "step": "workflows", "defaults": true, "workflows": [ …exported workflows… ] }</c>: sets up the clinic's workflows,
/// the defaults and/or the recipe's own. A clinic whose recipe has no such step gets the defaults when first needed.
/// </summary>
public sealed class WorkflowsRecipeStep : IRecipeStep
{
    public string Name => "workflows";

    public IEnumerable<string> Validate(JsonElement step)
    {
        if (step.TryGetProperty("workflows", out var workflows))
        {
            if (workflows.ValueKind != JsonValueKind.Array)
            {
                yield return "\"workflows\" must be a list of workflows";
                yield break;
            }
            foreach (var workflow in workflows.EnumerateArray())
            {
                string? problem = null;
                try
                {
                    WorkflowStore.ParseDocument(workflow.GetRawText());
                }
                catch (WorkflowImportException exception)
                {
                    problem = exception.Message;
                }
                if (problem is not null)
                {
                    yield return problem;
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var workflows = new List<WorkflowDocument>();
        if (!context.Step.TryGetProperty("defaults", out var defaults) || defaults.ValueKind != JsonValueKind.False)
        {
            workflows.AddRange(DefaultWorkflows.Load());
        }
        if (context.Step.TryGetProperty("workflows", out var own))
        {
            workflows.AddRange(own.EnumerateArray().Select(w => WorkflowStore.ParseDocument(w.GetRawText())));
        }
        await context.Services.GetRequiredService<WorkflowStore>().SetUpAsync("recipe", workflows, cancellationToken);
    }
}
