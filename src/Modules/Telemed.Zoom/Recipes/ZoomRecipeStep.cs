using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Recipes;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Recipes;

/// <summary>
/// <c>{ "step": "zoom", "enabled": true, "randomPasscode": true, "waitingRoom": true, "hostVideo": true,
/// "participantVideo": true, "muteUponEntry": false, "joinBeforeHost": false, "topicTemplate": "...", "agendaTemplate": "..." }</c>
/// (the platform's Zoom app; a clinic's own app is entered on the settings page, never in a recipe).
/// </summary>
public sealed class ZoomRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "zoom";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var settings = Read(step);
        if (string.IsNullOrWhiteSpace(settings.TopicTemplate) || settings.TopicTemplate.Length > ZoomMeetingText.TopicLimit)
        {
            yield return $"topicTemplate must be 1 to {ZoomMeetingText.TopicLimit} characters.";
        }

        if (settings.AgendaTemplate.Length > 1500)
        {
            yield return "agendaTemplate must be at most 1500 characters.";
        }
    }

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken) =>
        context.Services.GetRequiredService<ZoomSettingsStore>().SaveAsync(Read(context.Step), cancellationToken);

    private static ZoomClinicSettings Read(JsonElement step)
    {
        var settings = step.Deserialize<ZoomClinicSettings>(Json) ?? new ZoomClinicSettings();
        settings.UseOwnApp = false;
        settings.ClientId = null;
        settings.ProtectedClientSecret = null;
        settings.ProtectedWebhookSecret = null;
        return settings;
    }
}
