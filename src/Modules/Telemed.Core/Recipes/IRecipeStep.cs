using System.Text.Json;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Recipes;

/// <summary>
/// One kind of recipe step, owned by the module whose data it creates. Validation runs for every
/// step before any step executes, so an obviously bad recipe changes nothing.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>Returns the problems with this step's data; empty when it can run.</summary>
    IEnumerable<string> Validate(JsonElement step) => [];

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a step runs with: its JSON, the tenant being provisioned, and that tenant's services.</summary>
public sealed record RecipeStepContext(JsonElement Step, Tenant Tenant, IServiceProvider Services);

/// <summary>A recipe failed: which step, and why, in words an operator can act on.</summary>
public sealed class RecipeException(int stepIndex, string stepName, string reason, Exception? inner = null)
    : Exception($"Recipe step {stepIndex + 1} ('{stepName}') failed: {reason}", inner)
{
    public int StepIndex { get; } = stepIndex;
    public string StepName { get; } = stepName;
    public string Reason { get; } = reason;
}
