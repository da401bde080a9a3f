using Telemed.Sandbox.Accounts;

namespace Telemed.Sandbox.Zoom.Accounts;

/// <summary>A sandbox Zoom user, each on its own account, with the knobs tests turn per account.</summary>
public sealed class ZoomUser : ISandboxAccount
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Email { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required long Pmi { get; init; }
    public required string Timezone { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Per-account overrides; swapped whole so concurrent requests never see half an update.</summary>
    public ZoomAccountSettings Settings { get; set; } = new();

    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>What a test may change on one account; null keeps the app default.</summary>
public sealed record ZoomAccountSettings
{
    /// <summary>Access-token lifetime of this account's tokens.</summary>
    public TimeSpan? TokenLifetime { get; init; }

    /// <summary>Scopes granted to this account's tokens (space-separated).</summary>
    public string? Scopes { get; init; }

    /// <summary>Daily meeting create/update limit of this user.</summary>
    public int? DailyMeetingRequestLimit { get; init; }
}
