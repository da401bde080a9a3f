using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Accounts;

namespace Telemed.Sandbox.Google.Accounts;

/// <summary>
/// The sandbox's Google accounts. The id (<c>sub</c>) is derived from the e-mail, so an account keeps it across
/// restarts and resets, as a real Google account does between connections.
/// </summary>
public sealed class GoogleAccountDirectory : SandboxAccountDirectory<GoogleAccount>
{
    private readonly GoogleSandboxOptions _options;
    private readonly TimeProvider _clock;

    public GoogleAccountDirectory(IOptions<SandboxOptions> options, TimeProvider clock)
    {
        _options = options.Value.Google;
        _clock = clock;
        Reset();
    }

    protected override IReadOnlyList<string> SeedEmails => _options.EffectiveSeedUsers;

    /// <summary>Google also wants a dot in the domain, here and for event attendees.</summary>
    internal static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return HasEmailShape(value) && value.IndexOf('.', at) > at + 1;
    }

    protected override bool IsAcceptedEmail(string value) => IsEmail(value);

    protected override GoogleAccount NewAccount(string email, EmailIdentity identity) => new()
    {
        // Google's subject ids are 21 decimal digits.
        Id = "1" + (new BigInteger(identity.Hash.AsSpan(0, 12), isUnsigned: true) % BigInteger.Pow(10, 20)).ToString("D20", CultureInfo.InvariantCulture),
        Email = email,
        GivenName = identity.GivenName,
        FamilyName = identity.FamilyName,
        CreatedAt = _clock.GetUtcNow(),
    };
}
