using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Google.Accounts;

/// <summary>
/// The sandbox's Google accounts. The id (<c>sub</c>) is derived from the e-mail, so an account keeps it across
/// restarts and resets, as a real Google account does between connections.
/// </summary>
public sealed class GoogleAccountDirectory
{
    private readonly object _gate = new();
    private readonly Dictionary<string, GoogleAccount> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoogleAccount> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly GoogleSandboxOptions _options;
    private readonly TimeProvider _clock;

    public GoogleAccountDirectory(IOptions<SandboxOptions> options, TimeProvider clock)
    {
        _options = options.Value.Google;
        _clock = clock;
        Reset();
    }

    public IReadOnlyList<GoogleAccount> All()
    {
        lock (_gate)
        {
            return _byId.Values.OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>Finds an account by id (sub) or e-mail.</summary>
    public GoogleAccount? Find(string idOrEmail)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(idOrEmail) ?? _byEmail.GetValueOrDefault(idOrEmail);
        }
    }

    /// <summary>Finds an account by id or e-mail, creating one when an unknown e-mail is given.</summary>
    public GoogleAccount? FindOrCreate(string email)
    {
        var trimmed = email.Trim();
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

    internal static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && value.IndexOf('.', at) > at + 1
            && !value.Any(char.IsWhiteSpace);
    }

    private GoogleAccount Create(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant()));
        var local = email[..email.IndexOf('@')];
        var names = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        var account = new GoogleAccount
        {
            // Google's subject ids are 21 decimal digits.
            Id = "1" + (new BigInteger(hash.AsSpan(0, 12), isUnsigned: true) % BigInteger.Pow(10, 20)).ToString("D20", CultureInfo.InvariantCulture),
            Email = email,
            GivenName = Capitalize(names.Length > 1 ? names[^2] : "Sandbox"),
            FamilyName = Capitalize(names.Length > 0 ? names[^1] : "User"),
            CreatedAt = _clock.GetUtcNow(),
        };

        lock (_gate)
        {
            if (_byEmail.TryGetValue(email, out var raced))
            {
                return raced;
            }

            _byId[account.Id] = account;
            _byEmail[account.Email] = account;
            return account;
        }
    }

    private static string Capitalize(string value) =>
        value.Length == 0 ? value : char.ToUpper(value[0], CultureInfo.InvariantCulture) + value[1..];
}
