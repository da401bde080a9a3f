namespace Telemed.Sandbox.Accounts;

/// <summary>
/// A provider's sandbox accounts, found by id or e-mail. An unknown e-mail creates an account on first use, and a reset
/// brings back just the seeded ones; ids come from the e-mail, so accounts keep them across both.
/// </summary>
public abstract class SandboxAccountDirectory<TAccount>
    where TAccount : class, ISandboxAccount
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TAccount> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TAccount> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The e-mails of the accounts that exist from the start and after every reset.</summary>
    protected abstract IReadOnlyList<string> SeedEmails { get; }

    public IReadOnlyList<TAccount> All()
    {
        lock (_gate)
        {
            return _byId.Values.OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>Finds an account by id or e-mail.</summary>
    public TAccount? Find(string idOrEmail)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(idOrEmail) ?? _byEmail.GetValueOrDefault(idOrEmail);
        }
    }

    /// <summary>Finds an account by id or e-mail, creating one when an unknown e-mail is given.</summary>
    public TAccount? FindOrCreate(string idOrEmail)
    {
        var trimmed = idOrEmail.Trim();
        if (Find(trimmed) is { } existing)
        {
            return existing;
        }

        return IsAcceptedEmail(trimmed) ? Create(trimmed) : null;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byId.Clear();
            _byEmail.Clear();
        }

        foreach (var email in SeedEmails)
        {
            Create(email);
        }
    }

    /// <summary>Whether an unknown name may become a new account; the provider may be stricter than <see cref="HasEmailShape"/>.</summary>
    protected virtual bool IsAcceptedEmail(string value) => HasEmailShape(value);

    /// <summary>Builds the provider's account for <paramref name="email"/>; called outside the directory's lock.</summary>
    protected abstract TAccount NewAccount(string email, EmailIdentity identity);

    /// <summary>One '@' with text on both sides and no white space.</summary>
    protected static bool HasEmailShape(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }

    private TAccount Create(string email)
    {
        var account = NewAccount(email, EmailIdentity.Of(email));
        lock (_gate)
        {
            // Two requests naming the same new e-mail at once: the first one stored wins.
            if (_byEmail.TryGetValue(email, out var raced))
            {
                return raced;
            }

            _byId[account.Id] = account;
            _byEmail[account.Email] = account;
            return account;
        }
    }
}
