using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace Telemed.Core.Recipes;

/// <summary>A provisioning recipe: the clinic to create and the steps that fill it.</summary>
public sealed partial record Recipe(string Name, string? Description, RecipeTenant? Tenant, IReadOnlyList<JsonElement> Steps)
{
    [GeneratedRegex(@"\$\{[A-Za-z][A-Za-z0-9]*\?\}")]
    private static partial Regex OptionalPlaceholder();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses a recipe, replacing <c>${name}</c> placeholders with JSON-escaped parameter values
    /// (sign-up passes the new admin's e-mail and password this way). An optional placeholder, <c>${name?}</c>,
    /// becomes empty when the parameter is not given.
    /// </summary>
    public static Recipe Parse(string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            json = json.Replace("${" + name + "}", escaped, StringComparison.Ordinal).Replace("${" + name + "?}", escaped, StringComparison.Ordinal);
        }
        json = OptionalPlaceholder().Replace(json, "");
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
