namespace Telemed.Notifications.Rendering;

/// <summary>A template rendered for one recipient: subject, HTML and text (e-mail), or the SMS text.</summary>
public sealed record RenderedMessage(string Subject, string Html, string Text, string Sms)
{
    public string? Ics { get; init; }
}
