using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Recipes;

/// <summary>Validates every step of a recipe, then runs them in order inside the tenant.</summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, TenantScopeFactory scopes, ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> KnownSteps => _steps.Keys;

    public void Validate(Recipe recipe)
    {
        for (var index = 0; index < recipe.Steps.Count; index++)
        {
            var (name, step) = Resolve(recipe.Steps[index], index);
            var problems = step.Validate(recipe.Steps[index]).ToList();
            if (problems.Count > 0)
            {
                throw new RecipeException(index, name, string.Join("; ", problems));
            }
        }
    }

    public async Task ExecuteAsync(Recipe recipe, Tenant tenant, CancellationToken cancellationToken = default)
    {
        Validate(recipe);
        for (var index = 0; index < recipe.Steps.Count; index++)
        {
            var data = recipe.Steps[index];
            var (name, step) = Resolve(data, index);
            try
            {
                await scopes.RunAsync(tenant, services => step.ExecuteAsync(new RecipeStepContext(data, tenant, services), cancellationToken));
                logger.LogInformation("Recipe {Recipe} step {Index} ({Step}) done for {Tenant}", recipe.Name, index + 1, name, tenant.Slug);
            }
            catch (RecipeException)
            {
                throw;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new RecipeException(index, name, exception.GetBaseException().Message, exception);
            }
        }
    }

    private (string Name, IRecipeStep Step) Resolve(JsonElement data, int index)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("step", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new RecipeException(index, "?", "each step must be an object with a \"step\" name");
        }
        var name = nameElement.GetString()!;
        return _steps.TryGetValue(name, out var step)
            ? (name, step)
            : throw new RecipeException(index, name, $"no module provides this step (known steps: {string.Join(", ", _steps.Keys.Order())})");
    }
}
