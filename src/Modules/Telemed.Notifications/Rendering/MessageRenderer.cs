using Telemed.Liquid;
using Telemed.Notifications.Models;

namespace Telemed.Notifications.Rendering;

/// <summary>
/// Renders a template for one recipient: the HTML part with every output HTML-encoded (patient-typed names cannot inject
/// markup), the subject, text and SMS as plain text, times in the recipient's zone.
/// </summary>
public sealed class MessageRenderer(ILiquidEngine engine, TimeProvider clock, Templates.TemplateValidator validator)
{
    public ILiquidEngine Engine => engine;

    public Templates.TemplateValidator Validator => validator;

    public RenderedMessage Render(TemplateKey key, TemplateContent content, MessageContext context, bool preview = false, CancellationToken cancellationToken = default)
    {
        var model = TokenModel.Build(engine, context, key.Recipient, clock.GetUtcNow());
        var zone = context.ZoneFor(key.Recipient);
        var plain = new LiquidRenderSettings { TimeZone = zone, Clock = clock, InlineErrors = preview };
        var html = new LiquidRenderSettings { TimeZone = zone, Clock = clock, InlineErrors = preview, HtmlEncode = true };
        string Run(string source, LiquidRenderSettings settings) =>
            string.IsNullOrEmpty(source) ? "" : engine.Render(engine.Parse(source), model, settings, cancellationToken);

        return key.Channel switch
        {
            NotificationChannel.Sms => new RenderedMessage("", "", "", Run(content.Sms, plain).Trim()),
            _ => new RenderedMessage(
                OneLine(Run(content.Subject, plain)),
                key.Channel == NotificationChannel.Email ? Document(Run(content.Html, html), context.Clinic.Name) : "",
                Run(content.Text, plain).Trim(),
                ""),
        };
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Document(string body, string clinicName) =>
        body.Contains("<html", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(body)
            ? body
            : $"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(clinicName)}</title></head>\n<body>\n{body.Trim()}\n</body></html>";
}
