using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Recipes;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Recipes;

/// <summary><c>{ "step": "settings", "contactEmail": ..., "contactPhone": ..., "welcomeMessage": ..., "accentColor": ... }</c></summary>
public sealed class SettingsRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "settings";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var settings = Read(step);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "invalid setting");
    }

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken) =>
        context.Services.GetRequiredService<ClinicSettingsStore>().SaveAsync(Read(context.Step), cancellationToken);

    // An empty value (an optional recipe parameter left out) is no value.
    private static ClinicSettings Read(JsonElement step) => step.Deserialize<ClinicSettings>(Json) is { } settings
        ? settings with
        {
            ContactEmail = NullIfBlank(settings.ContactEmail),
            ContactPhone = NullIfBlank(settings.ContactPhone),
            WelcomeMessage = NullIfBlank(settings.WelcomeMessage),
            AccentColor = NullIfBlank(settings.AccentColor),
        }
        : new ClinicSettings();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
