namespace Telemed.Sandbox.Zoom.Accounts;

/// <summary>A sandbox Zoom user, each on its own account, with the knobs tests turn per account.</summary>
public sealed class ZoomUser
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required long Pmi { get; init; }
    public required string Timezone { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Access-token lifetime for this account, overriding the app default.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>Scopes granted to this account's tokens, overriding the app default (space-separated).</summary>
    public string? Scopes { get; set; }

    /// <summary>Daily create/update limit for this user, overriding the app default.</summary>
    public int? DailyMeetingRequestLimit { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";
}
