using Telemed.Core.Data;

namespace Telemed.Api.Webhooks;

/// <summary>A clinic's webhook endpoint: where events go, which ones, and the secret they are signed with (encrypted).</summary>
public sealed class WebhookSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    public string[] Events { get; set; } = [];

    /// <summary>The signing secret, protected with the platform's Data Protection keys; never stored in clear.</summary>
    public string SecretProtected { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Deliveries in a row that failed after their last attempt; a success sets it back to 0.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Set when deliveries kept failing and the product turned the endpoint off; cleared when an admin turns it on.</summary>
    public DateTimeOffset? AutoDisabledAt { get; set; }
    public string? AutoDisabledReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Wants(string eventType) => Events.Contains(eventType);
}

/// <summary>One event sent to one endpoint: the body as sent (the same on every attempt) and where it stands.</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid SubscriptionId { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>The delivery an admin resent, when this one is a resend.</summary>
    public Guid? ResendOf { get; set; }

    public string Status { get; set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int? LastDurationMs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One HTTP attempt of a delivery: the headers sent and what came back.</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid DeliveryId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }

    /// <summary>The request headers, one "Name: value" a line.</summary>
    public string RequestHeaders { get; set; } = "";

    public int? StatusCode { get; set; }
    public int DurationMs { get; set; }

    /// <summary>The first <see cref="WebhookOptions.ResponseBodyLimit"/> characters of the answer.</summary>
    public string? ResponseBody { get; set; }

    public string? Error { get; set; }
    public bool Succeeded { get; set; }
}

public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>Not sent (or no longer retried) because the endpoint was turned off.</summary>
    public const string Disabled = "disabled";
}
