namespace Telemed.Sandbox.Faults;

/// <summary>A configured fault and how many requests it still affects. Mutated only under the registry's lock.</summary>
public sealed class FaultRule
{
    private readonly Random? _random;

    internal FaultRule(string id, string provider, string? accountKey, FaultSpec spec)
    {
        Id = id;
        Provider = provider;
        AccountKey = accountKey;
        Kind = spec.Kind;
        Remaining = spec.Count ?? (spec.Kind == FaultKind.Random ? null : 1);
        Status = spec.Kind == FaultKind.RateLimit ? 429 : spec.Status ?? 500;
        Reason = spec.Reason;
        RetryAfterSeconds = spec.OmitRetryAfter ? null : spec.RetryAfterSeconds ?? 1;
        DelayMs = spec.DelayMs ?? 2000;
        Operation = spec.Operation;
        Ratio = spec.Ratio;
        Seed = spec.Seed;
        if (spec.Kind == FaultKind.Random)
        {
            _random = spec.Seed is int seed ? new Random(seed) : new Random();
        }
    }

    public string Id { get; }
    public string Provider { get; }
    public string? AccountKey { get; }
    public FaultKind Kind { get; }

    /// <summary>Requests still affected; null means until cleared.</summary>
    public int? Remaining { get; private set; }

    public int Status { get; }
    public string? Reason { get; }
    public int? RetryAfterSeconds { get; }
    public int DelayMs { get; }
    public string? Operation { get; }
    public double? Ratio { get; }
    public int? Seed { get; }
    public int Injected { get; private set; }

    internal bool IsSpent => Remaining == 0;

    internal bool Matches(string provider, string? accountKey, string? operation) =>
        !IsSpent
        && Provider == provider
        && AccountKey == accountKey
        && (Operation is null || string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase));

    /// <summary>Decides the fault for one matching request, or null when a random rule lets it through.</summary>
    internal InjectedFault? Roll()
    {
        var kind = Kind;
        var status = Status;
        var reason = Reason;
        if (Kind == FaultKind.Random)
        {
            if (_random!.NextDouble() >= Ratio)
            {
                return null;
            }

            // An even mix of the three transient failures a client must survive.
            reason = null;
            (kind, status) = _random.Next(3) switch
            {
                0 => (FaultKind.Error, 500 + (_random.Next(2) * 3)),
                1 => (FaultKind.RateLimit, 429),
                _ => (FaultKind.Slow, 200),
            };
        }

        if (Remaining is int remaining)
        {
            Remaining = remaining - 1;
        }

        Injected++;
        return new InjectedFault(Id, kind, kind == FaultKind.RateLimit ? 429 : status, RetryAfterSeconds, DelayMs, reason);
    }
}

/// <summary>The fault chosen for one request.</summary>
public sealed record InjectedFault(string RuleId, FaultKind Kind, int Status, int? RetryAfterSeconds, int DelayMs, string? Reason = null)
{
    public override string ToString() => Kind switch
    {
        FaultKind.Error => Reason is null ? $"error {Status}" : $"error {Status} {Reason}",
        FaultKind.RateLimit => RetryAfterSeconds is int s ? $"rate_limit retry_after={s}s" : "rate_limit no retry_after",
        FaultKind.Slow => $"slow {DelayMs}ms",
        FaultKind.DelayedResponse => $"delayed_response {DelayMs}ms",
        FaultKind.Drop => "drop",
        _ => Kind.ToString(),
    };
}
