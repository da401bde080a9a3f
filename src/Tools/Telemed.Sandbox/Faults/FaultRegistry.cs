namespace Telemed.Sandbox.Faults;

/// <summary>
/// Faults of every provider, per account and global. Account rules win over global ones, oldest first.
/// Spent rules stay listed (with their injected count) until cleared, so tests can see what happened.
/// </summary>
public sealed class FaultRegistry
{
    private const int MaxDelayMs = 120_000;

    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId;

    public FaultRule Add(string provider, string? accountKey, FaultSpec spec)
    {
        Validate(spec);
        lock (_gate)
        {
            var rule = new FaultRule($"f{++_nextId}", provider, accountKey, spec);
            _rules.Add(rule);
            return rule;
        }
    }

    public IReadOnlyList<FaultRule> List(string provider)
    {
        lock (_gate)
        {
            return _rules.Where(r => r.Provider == provider).ToArray();
        }
    }

    /// <summary>Removes the provider's rules for one account, or all of them when <paramref name="accountKey"/> is null.</summary>
    public int Clear(string provider, string? accountKey = null)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Provider == provider && (accountKey is null || r.AccountKey == accountKey));
        }
    }

    public InjectedFault? Next(string provider, string? accountKey, string? operation)
    {
        lock (_gate)
        {
            var candidates = _rules.Where(r => accountKey is not null && r.Matches(provider, accountKey, operation))
                .Concat(_rules.Where(r => r.Matches(provider, null, operation)));

            foreach (var rule in candidates)
            {
                if (rule.Roll() is { } fault)
                {
                    return fault;
                }
            }

            return null;
        }
    }

    public static void Validate(FaultSpec spec)
    {
        if (!Enum.IsDefined(spec.Kind))
        {
            throw new ArgumentException($"Unknown fault kind {spec.Kind}.");
        }

        if (spec.Count is < 1)
        {
            throw new ArgumentException("count must be at least 1 (omit it for a random fault that lasts until cleared).");
        }

        if (spec.Kind == FaultKind.Error && spec.Status is < 500 or > 599)
        {
            throw new ArgumentException("status of an error fault must be between 500 and 599.");
        }

        if (spec.RetryAfterSeconds is < 0)
        {
            throw new ArgumentException("retry_after_seconds cannot be negative.");
        }

        if (spec.DelayMs is < 0 or > MaxDelayMs)
        {
            throw new ArgumentException($"delay_ms must be between 0 and {MaxDelayMs}.");
        }

        if (spec.Kind == FaultKind.Random && spec.Ratio is not (>= 0 and <= 1))
        {
            throw new ArgumentException("a random fault needs a ratio between 0 and 1.");
        }
    }
}
