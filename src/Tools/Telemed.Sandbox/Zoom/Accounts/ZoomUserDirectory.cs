using Microsoft.Extensions.Options;
using Telemed.Sandbox.Accounts;

namespace Telemed.Sandbox.Zoom.Accounts;

/// <summary>
/// The sandbox's Zoom users. Ids are derived from the e-mail, so a user keeps the same id across restarts
/// and resets, just as a real Zoom user keeps theirs between connections.
/// </summary>
public sealed class ZoomUserDirectory : SandboxAccountDirectory<ZoomUser>
{
    private readonly ZoomSandboxOptions _options;
    private readonly TimeProvider _clock;

    public ZoomUserDirectory(IOptions<SandboxOptions> options, TimeProvider clock)
    {
        _options = options.Value.Zoom;
        _clock = clock;
        Reset();
    }

    protected override IReadOnlyList<string> SeedEmails => _options.EffectiveSeedUsers;

    protected override ZoomUser NewAccount(string email, EmailIdentity identity) => new()
    {
        Id = Base64Url(identity.Hash.AsSpan(0, 16)),
        AccountId = Base64Url(identity.Hash.AsSpan(16, 16)),
        Email = email,
        FirstName = identity.GivenName,
        LastName = identity.FamilyName,
        Pmi = 1_000_000_000 + (long)(BitConverter.ToUInt64(identity.Hash, 0) % 8_999_999_999UL),
        Timezone = _options.DefaultTimezone,
        CreatedAt = _clock.GetUtcNow(),
    };

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
