using System.Globalization;

namespace Telemed.Meetings.Providers;

public static class RetryAfterHeader
{
    /// <summary>Retry-After as delta-seconds, an HTTP date or an ISO 8601 instant (providers use all three), or null.</summary>
    public static DateTimeOffset? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values) || values.FirstOrDefault()?.Trim() is not { Length: > 0 } raw)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return now.AddSeconds(seconds);
        }

        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}
