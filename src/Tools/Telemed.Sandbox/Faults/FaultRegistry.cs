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

    /// <summary>Adds a fault; <paramref name="minimumErrorStatus"/> is the lowest status the provider lets an error fault take.</summary>
    public FaultRule Add(string provider, string? accountKey, FaultSpec spec, int minimumErrorStatus = 500)
    {
        Validate(spec, minimumErrorStatus);
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

    public static void Validate(FaultSpec spec, int minimumErrorStatus = 500)
    {
        if (!Enum.IsDefined(spec.Kind))
        {
            throw new ArgumentException($"Unknown fault kind {spec.Kind}.");
        }

        if (spec.Count is < 1)
        {
            throw new ArgumentException("count must be at least 1 (omit it for a random fault that lasts until cleared).");
        }

        if (spec.Kind == FaultKind.Error && (spec.Status < minimumErrorStatus || spec.Status > 599))
        {
            throw new ArgumentException($"status of an error fault must be between {minimumErrorStatus} and 599.");
        }

        if (spec.Reason is not null && (spec.Kind != FaultKind.Error || spec.Reason.Length is 0 or > 100 || !spec.Reason.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException("reason applies to error faults only and is a single word such as \"rateLimitExceeded\".");
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
