using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemed.Core.Recipes;

/// <summary>A provisioning recipe: the clinic to create and the steps that fill it.</summary>
public sealed record Recipe(string Name, string? Description, RecipeTenant? Tenant, IReadOnlyList<JsonElement> Steps)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses a recipe, replacing <c>${name}</c> placeholders with JSON-escaped parameter values
    /// (sign-up passes the new admin's e-mail and password this way).
    /// </summary>
    public static Recipe Parse(string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            json = json.Replace("${" + name + "}", escaped, StringComparison.Ordinal);
        }
        try
        {
            var recipe = JsonSerializer.Deserialize<Recipe>(json, Options);
            if (recipe is null || string.IsNullOrWhiteSpace(recipe.Name) || recipe.Steps is null)
            {
                throw new RecipeException(-1, "recipe", "a recipe needs a name and a list of steps");
            }
            return recipe;
        }
        catch (JsonException exception)
        {
            throw new RecipeException(-1, "recipe", $"the JSON is not valid at line {exception.LineNumber + 1}: {exception.Message}", exception);
        }
    }
}

public sealed record RecipeTenant(
    string? Slug,
    string? Name,
    [property: JsonPropertyName("timeZone")] string? TimeZone,
    string? Theme,
    [property: JsonPropertyName("hostNames")] IReadOnlyList<string>? HostNames);
