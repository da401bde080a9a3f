using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Zoom.Accounts;

/// <summary>
/// The sandbox's Zoom users. Ids are derived from the e-mail, so a user keeps the same id across restarts
/// and resets, just as a real Zoom user keeps theirs between connections.
/// </summary>
public sealed class ZoomUserDirectory
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ZoomUser> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoomUser> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ZoomSandboxOptions _options;
    private readonly TimeProvider _clock;

    public ZoomUserDirectory(IOptions<SandboxOptions> options, TimeProvider clock)
    {
        _options = options.Value.Zoom;
        _clock = clock;
        Reset();
    }

    public IReadOnlyList<ZoomUser> All()
    {
        lock (_gate)
        {
            return _byId.Values.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>Finds a user by id or e-mail.</summary>
    public ZoomUser? Find(string idOrEmail)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(idOrEmail) ?? _byEmail.GetValueOrDefault(idOrEmail);
        }
    }

    /// <summary>Finds a user by id or e-mail, creating one when an unknown e-mail is given.</summary>
    public ZoomUser? FindOrCreate(string idOrEmail)
    {
        var trimmed = idOrEmail.Trim();
        if (Find(trimmed) is { } existing)
        {
            return existing;
        }

        return IsEmail(trimmed) ? Create(trimmed) : null;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byId.Clear();
            _byEmail.Clear();
        }

        foreach (var email in _options.EffectiveSeedUsers)
        {
            Create(email);
        }
    }

    private ZoomUser Create(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant()));
        var local = email[..email.IndexOf('@')];
        var names = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        var user = new ZoomUser
        {
            Id = Base64Url(hash.AsSpan(0, 16)),
            AccountId = Base64Url(hash.AsSpan(16, 16)),
            Email = email,
            FirstName = Capitalize(names.Length > 1 ? names[^2] : "Sandbox"),
            LastName = Capitalize(names.Length > 0 ? names[^1] : "User"),
            Pmi = 1_000_000_000 + (long)(BitConverter.ToUInt64(hash, 0) % 8_999_999_999UL),
            Timezone = _options.DefaultTimezone,
            CreatedAt = _clock.GetUtcNow(),
        };

        lock (_gate)
        {
            if (_byEmail.TryGetValue(email, out var raced))
            {
                return raced;
            }

            _byId[user.Id] = user;
            _byEmail[user.Email] = user;
            return user;
        }
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }

    private static string Capitalize(string value) =>
        value.Length == 0 ? value : char.ToUpper(value[0], CultureInfo.InvariantCulture) + value[1..];

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
