using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Core.Recipes;
using Telemed.GoogleMeet.Data;
using Telemed.GoogleMeet.Jobs;
using Telemed.GoogleMeet.Services;

namespace Telemed.GoogleMeet.Recipes;

/// <summary>
/// <c>{ "step": "googleMeet", "enabled": true, "invitePatients": false, "sendUpdates": "none",
/// "sandboxConnections": ["dr.ravi@demo.clinic"] }</c> (the platform's Google app; a clinic's own OAuth client is entered on the
/// settings page, never in a recipe). <c>sandboxConnections</c> names hosts, by sign-in e-mail, to connect to the mounted
/// sandbox's Google as the account of that e-mail, so a demo's Meet visits get links at once; it does nothing with a real app.
/// </summary>
public sealed class GoogleMeetRecipeStep(IOptions<GoogleOptions> options) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "googleMeet";

    public IEnumerable<string> Validate(JsonElement step)
    {
        GoogleMeetSettings? settings = null;
        string? error = null;
        try
        {
            settings = Read(step);
        }
        catch (JsonException exception)
        {
            error = $"The googleMeet step is not valid: {exception.Message}";
        }

        if (error is not null)
        {
            yield return error;
            yield break;
        }

        if (!GoogleSendUpdates.Values.Contains(settings!.SendUpdates))
        {
            yield return $"sendUpdates must be one of {string.Join(", ", GoogleSendUpdates.Values)}.";
        }

        if (step.TryGetProperty("sandboxConnections", out var hosts)
            && (hosts.ValueKind != JsonValueKind.Array || hosts.EnumerateArray().Any(h => h.ValueKind != JsonValueKind.String || !(h.GetString() ?? "").Contains('@'))))
        {
            yield return "sandboxConnections must be a list of hosts' sign-in e-mail addresses.";
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        await context.Services.GetRequiredService<GoogleMeetSettingsStore>().SaveAsync(Read(context.Step), cancellationToken);
        if (!options.Value.SandboxMounted || !options.Value.RecipeSandboxConnections || !context.Step.TryGetProperty("sandboxConnections", out var hosts))
        {
            return;
        }

        var jobs = context.Services.GetRequiredService<IJobQueue>();
        foreach (var email in hosts.EnumerateArray().Select(h => h.GetString()!))
        {
            await jobs.EnqueueAsync(ConnectSandboxGoogleHostJob.Request(context.Tenant.Id, email), cancellationToken: cancellationToken);
        }
    }

    private static GoogleMeetSettings Read(JsonElement step)
    {
        var settings = step.Deserialize<GoogleMeetSettings>(Json) ?? new GoogleMeetSettings();
        settings.UseOwnApp = false;
        settings.ClientId = null;
        settings.ProtectedClientSecret = null;
        return settings;
    }
}
