namespace Telemed.Api.RateLimits;

/// <summary>Each API key's request budget, bound from "Api:RateLimit".</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests one key may make per <see cref="Window"/> (the name says "per minute" because that is the window unless changed).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>The fixed window the budget renews in: a minute. Tests shorten it instead of waiting.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    internal int WindowSeconds => Math.Max(1, (int)Math.Ceiling(Window.TotalSeconds));
}
