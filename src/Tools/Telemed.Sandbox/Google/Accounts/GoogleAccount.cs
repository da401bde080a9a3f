using Telemed.Sandbox.Accounts;
using Telemed.Sandbox.Google.Calendar;

namespace Telemed.Sandbox.Google.Accounts;

/// <summary>A sandbox Google account (one primary calendar), with the knobs tests turn per account.</summary>
public sealed class GoogleAccount : ISandboxAccount
{
    /// <summary>The account's stable numeric id, Google's <c>sub</c>.</summary>
    public required string Id { get; init; }

    public required string Email { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Per-account overrides; swapped whole so concurrent requests never see half an update.</summary>
    public GoogleAccountSettings Settings { get; set; } = new();

    public string Name => $"{GivenName} {FamilyName}";
}

/// <summary>What a test may change on one account; null keeps the client-wide setting.</summary>
public sealed record GoogleAccountSettings
{
    /// <summary>Lifetime of access tokens issued to this account from now on.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>How this account's new Meet conferences turn out.</summary>
    public GoogleConferenceOutcome? Conference { get; init; }

    /// <summary>How many events.get calls this account's pending conferences need before they answer success.</summary>
    public int? PendingGets { get; init; }
}
