using MailKit.Security;

namespace Telemed.Notifications.Delivery;

/// <summary>
/// <c>Email</c> configuration. With no <see cref="SmtpOptions.Host"/>, the product embeds a loopback SMTP server and
/// delivers to it, so the demo shows real messages in the Outbox; production points <c>Email:Smtp:Host</c> at a real server.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The sender address; the display name is the clinic's.</summary>
    public string FromAddress { get; set; } = "no-reply@telemed.local";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The embedded server's port when no SMTP host is configured (0: any free loopback port).</summary>
    public int EmbeddedPort { get; set; }

    /// <summary>Delivery attempts per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    public bool UsesEmbeddedServer => string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
