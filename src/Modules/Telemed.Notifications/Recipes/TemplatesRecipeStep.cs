using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Recipes;
using Telemed.Notifications.Data;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Recipes;

/// <summary>
/// <c>{ "step": "templates", "defaults": true, "reminderOffsets": [1440, 60], "sms": true, "staffEmail": null,
/// "templates": [ { "key": "booked.patient.email", "enabled": true, "subject": "...", "html": "...", "text": "...", "sms": "..." } ] }</c>.
/// <c>defaults</c> seeds every template with the product's wording; listed templates (Liquid or legacy shortcodes) replace them.
/// </summary>
public sealed class TemplatesRecipeStep : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "templates";

    private sealed record StepData(bool Defaults = true, int[]? ReminderOffsets = null, bool Sms = true, string? StaffEmail = null, TemplateData[]? Templates = null);

    private sealed record TemplateData(string Key, bool Enabled = true, string? Subject = null, string? Html = null, string? Text = null, string? Sms = null);

    public IEnumerable<string> Validate(JsonElement step)
    {
        var data = step.Deserialize<StepData>(Json) ?? new StepData();
        foreach (var offset in data.ReminderOffsets ?? [])
        {
            if (offset is <= 0 or > 60 * 24 * 30)
            {
                yield return $"reminderOffsets: {offset} is not between 1 minute and 30 days.";
            }
        }
        foreach (var template in data.Templates ?? [])
        {
            if (!TemplateKey.TryParse(template.Key, out _))
            {
                yield return $"'{template.Key}' is not a template key (event.recipient.channel, e.g. booked.patient.email).";
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Step.Deserialize<StepData>(Json) ?? new StepData();
        var store = context.Services.GetRequiredService<TemplateStore>();
        await context.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(new NotificationSettings
        {
            ReminderOffsets = data.ReminderOffsets ?? NotificationSettingsStore.DefaultReminderOffsets,
            SmsEnabled = data.Sms,
            StaffEmail = data.StaffEmail,
        }, cancellationToken);
        if (data.Defaults)
        {
            foreach (var key in DefaultTemplates.Keys)
            {
                await store.SaveAsync(key, DefaultTemplates.For(key), true, "recipe", "seeded by the clinic recipe", cancellationToken);
            }
        }
        foreach (var template in data.Templates ?? [])
        {
            TemplateKey.TryParse(template.Key, out var key);
            var baseline = DefaultTemplates.For(key);
            var content = new TemplateContent(template.Subject ?? baseline.Subject, template.Html ?? baseline.Html, template.Text ?? baseline.Text, template.Sms ?? baseline.Sms);
            var result = await store.SaveAsync(key, content, template.Enabled, "recipe", "set by the clinic recipe", cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Template {key}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        }
    }
}
