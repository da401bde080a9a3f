using System.Text.RegularExpressions;
using Telemed.Liquid;
using Telemed.Notifications.Models;

namespace Telemed.Notifications.Templates;

/// <summary>A problem with one field of a template, where it is.</summary>
public sealed record TemplateError(string Field, int Line, int Column, string Reason)
{
    public string Message => Line > 0 ? $"{FieldName(Field)}, line {Line}, column {Column}: {Reason}" : $"{FieldName(Field)}: {Reason}";

    private static string FieldName(string field) => field switch
    {
        "Html" => "HTML",
        "Sms" => "SMS",
        _ => field,
    };
}

/// <summary>
/// Checks a template before it is saved: each field parses as Liquid (strict), and a template a patient receives
/// does not use the host's start link — whoever holds it starts the meeting as the doctor.
/// </summary>
public sealed partial class TemplateValidator(ILiquidEngine engine)
{
    public const int MaxFieldLength = 20_000;
    public const string StartLinkRefused = "The host's start link (meeting.start_url) may only be used in host and staff templates: whoever opens it starts the meeting as the doctor. Use meeting.join_url for patients.";

    public IReadOnlyList<TemplateError> Validate(TemplateKey key, TemplateContent content)
    {
        var errors = new List<TemplateError>();
        foreach (var (field, source) in Fields(key, content))
        {
            if (source.Length > MaxFieldLength)
            {
                errors.Add(new(field, 0, 0, $"is longer than {MaxFieldLength:N0} characters."));
                continue;
            }
            if (!engine.TryParse(source, out _, out var error))
            {
                errors.Add(new(field, error.Line, error.Column, error.Reason));
                continue;
            }
            if (!key.MayUseStartLink && StartLinkAt(source) is { } at)
            {
                errors.Add(new(field, at.Line, at.Column, StartLinkRefused));
            }
        }
        if (key.Channel == NotificationChannel.Email && string.IsNullOrWhiteSpace(content.Subject))
        {
            errors.Add(new("Subject", 0, 0, "An e-mail needs a subject."));
        }
        if (key.Channel == NotificationChannel.Sms && string.IsNullOrWhiteSpace(content.Sms))
        {
            errors.Add(new("Sms", 0, 0, "A text message needs some text."));
        }
        return errors;
    }

    /// <summary>The fields a channel uses, by form field name.</summary>
    public static IEnumerable<(string Field, string Source)> Fields(TemplateKey key, TemplateContent content) => key.Channel switch
    {
        NotificationChannel.Sms => [("Sms", content.Sms)],
        NotificationChannel.Meeting => [("Subject", content.Subject), ("Text", content.Text)],
        _ => [("Subject", content.Subject), ("Html", content.Html), ("Text", content.Text)],
    };

    private static (int Line, int Column)? StartLinkAt(string source)
    {
        foreach (Match tag in LiquidMarkup().Matches(source))
        {
            var inner = StartUrl().Match(tag.Value);
            if (inner.Success)
            {
                var index = tag.Index + inner.Index;
                var line = 1 + source.AsSpan(0, index).Count('\n');
                var lineStart = index == 0 ? 0 : source.LastIndexOf('\n', index - 1) + 1;
                var column = index - lineStart + 1;
                return (line, column);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidMarkup();

    [GeneratedRegex(@"start_url|start_link", RegexOptions.IgnoreCase)]
    private static partial Regex StartUrl();
}
