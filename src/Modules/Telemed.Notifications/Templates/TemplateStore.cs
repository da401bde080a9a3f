using Microsoft.EntityFrameworkCore;
using Telemed.Notifications.Data;
using Telemed.Notifications.Models;

namespace Telemed.Notifications.Templates;

/// <summary>A template as the clinic has it: its content, whether it sends, and whether it differs from the default.</summary>
public sealed record ClinicTemplate(TemplateKey Key, TemplateContent Content, bool Enabled, bool Customised, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>The outcome of a save: the errors (nothing saved), or the Liquid it was saved as and the shortcodes translated.</summary>
public sealed record TemplateSaveResult(IReadOnlyList<TemplateError> Errors, TemplateContent Saved, IReadOnlyList<string> Translated)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The clinic's templates, their validation on save, reset to default, and their change history.</summary>
public sealed class TemplateStore(NotificationsDb db, TemplateValidator validator)
{
    public async Task<ClinicTemplate> GetAsync(TemplateKey key, CancellationToken cancellationToken = default)
    {
        var row = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key.Name, cancellationToken);
        return row is null
            ? new ClinicTemplate(key, DefaultTemplates.For(key), DefaultTemplates.Exists(key), false, null, null)
            : new ClinicTemplate(key, new TemplateContent(row.Subject, row.Html, row.Text, row.Sms), row.Enabled,
                new TemplateContent(row.Subject, row.Html, row.Text, row.Sms) != DefaultTemplates.For(key), row.UpdatedAt, row.UpdatedBy);
    }

    public async Task<IReadOnlyList<ClinicTemplate>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Templates.AsNoTracking().ToDictionaryAsync(t => t.Key, cancellationToken);
        var keys = DefaultTemplates.Keys.Concat(rows.Keys.Select(k => TemplateKey.TryParse(k, out var key) ? key : (TemplateKey?)null).OfType<TemplateKey>()).Distinct();
        return keys.Select(key => rows.TryGetValue(key.Name, out var row)
            ? new ClinicTemplate(key, new TemplateContent(row.Subject, row.Html, row.Text, row.Sms), row.Enabled,
                new TemplateContent(row.Subject, row.Html, row.Text, row.Sms) != DefaultTemplates.For(key), row.UpdatedAt, row.UpdatedBy)
            : new ClinicTemplate(key, DefaultTemplates.For(key), DefaultTemplates.Exists(key), false, null, null)).ToList();
    }

    /// <summary>Translates legacy shortcodes, validates, and saves with a history entry; nothing is saved when there are errors.</summary>
    public async Task<TemplateSaveResult> SaveAsync(TemplateKey key, TemplateContent content, bool enabled, string? user, string change = "edited",
        CancellationToken cancellationToken = default)
    {
        var (liquid, translated) = Translate(content);
        var errors = validator.Validate(key, liquid);
        if (errors.Count > 0)
        {
            return new TemplateSaveResult(errors, liquid, translated);
        }

        var row = await db.Templates.SingleOrDefaultAsync(t => t.Key == key.Name, cancellationToken);
        if (row is null)
        {
            row = new NotificationTemplate { Key = key.Name };
            db.Templates.Add(row);
        }
        row.Enabled = enabled;
        row.Subject = liquid.Subject;
        row.Html = liquid.Html;
        row.Text = liquid.Text;
        row.Sms = liquid.Sms;
        row.UpdatedAt = DateTimeOffset.UtcNow;
        row.UpdatedBy = user;
        db.Revisions.Add(new NotificationTemplateRevision
        {
            Key = key.Name, Enabled = enabled, Subject = liquid.Subject, Html = liquid.Html, Text = liquid.Text, Sms = liquid.Sms,
            Change = translated.Count > 0 ? $"{change}; translated {string.Join(", ", translated.Distinct().Select(t => "{" + t + "}"))}" : change,
            ChangedBy = user,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new TemplateSaveResult([], liquid, translated);
    }

    public Task<TemplateSaveResult> ResetAsync(TemplateKey key, string? user, CancellationToken cancellationToken = default) =>
        SaveAsync(key, DefaultTemplates.For(key), DefaultTemplates.Exists(key), user, "reset to default", cancellationToken);

    public async Task<IReadOnlyList<NotificationTemplateRevision>> HistoryAsync(TemplateKey key, int take = 50, CancellationToken cancellationToken = default) =>
        await db.Revisions.AsNoTracking().Where(r => r.Key == key.Name).OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    public async Task<NotificationTemplateRevision?> RevisionAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public static (TemplateContent Liquid, IReadOnlyList<string> Translated) Translate(TemplateContent content)
    {
        var found = new List<string>();
        string One(string source)
        {
            var liquid = LegacyShortcodes.Translate(source ?? "", out var codes);
            found.AddRange(codes);
            return liquid;
        }
        var liquid = new TemplateContent(One(content.Subject), One(content.Html), One(content.Text), One(content.Sms));
        return (liquid, found);
    }
}
