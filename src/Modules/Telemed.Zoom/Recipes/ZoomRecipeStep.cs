using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Core.Recipes;
using Telemed.Zoom.Jobs;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Recipes;

/// <summary>
/// <c>{ "step": "zoom", "enabled": true, "randomPasscode": true, "waitingRoom": true, "hostVideo": true,
/// "participantVideo": true, "muteUponEntry": false, "joinBeforeHost": false, "topicTemplate": "...", "agendaTemplate": "...",
/// "sandboxConnections": ["dr.alice@demo.clinic"] }</c> (the platform's Zoom app; a clinic's own app is entered on the settings
/// page, never in a recipe). <c>sandboxConnections</c> names hosts, by their sign-in e-mail, to connect to the mounted sandbox's
/// Zoom as the sandbox user of that e-mail, so a demo's video visits get meetings at once; it does nothing with a real Zoom app.
/// </summary>
public sealed class ZoomRecipeStep(IOptions<ZoomOptions> options) : IRecipeStep
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

        if (step.TryGetProperty("sandboxConnections", out var hosts)
            && (hosts.ValueKind != JsonValueKind.Array || hosts.EnumerateArray().Any(h => h.ValueKind != JsonValueKind.String || !(h.GetString() ?? "").Contains('@'))))
        {
            yield return "sandboxConnections must be a list of hosts' sign-in e-mail addresses.";
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        await context.Services.GetRequiredService<ZoomSettingsStore>().SaveAsync(Read(context.Step), cancellationToken);
        if (!options.Value.SandboxMounted || !options.Value.RecipeSandboxConnections || !context.Step.TryGetProperty("sandboxConnections", out var hosts))
        {
            return;
        }

        var jobs = context.Services.GetRequiredService<IJobQueue>();
        foreach (var email in hosts.EnumerateArray().Select(h => h.GetString()!))
        {
            await jobs.EnqueueAsync(ConnectSandboxHostJob.Request(context.Tenant.Id, email), cancellationToken: cancellationToken);
        }
    }

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
