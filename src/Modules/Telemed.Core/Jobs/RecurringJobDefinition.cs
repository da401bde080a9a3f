using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Jobs;

/// <summary>
/// A job kind that runs on a cron schedule (five fields: minute hour day-of-month month day-of-week, or six
/// with seconds first) read in <see cref="TimeZone"/> (IANA, so "0 3 * * *" in Europe/London is 03:00 local
/// time in winter and summer alike). Each occurrence is enqueued once across every node of the product.
/// </summary>
public sealed record RecurringJobDefinition(string Kind, string Cron, string TimeZone, string? Description = null);

public static class RecurringJobServiceCollectionExtensions
{
    /// <summary>
    /// Runs jobs of <paramref name="kind"/> (whose handler is registered with <c>AddJob</c>) on a schedule.
    /// The expression and zone are checked when the host starts; a wrong one stops it with a message.
    /// </summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string kind, string cron, string timeZone = "UTC", string? description = null)
    {
        services.AddSingleton(new RecurringJobDefinition(kind, cron, timeZone, description));
        return services;
    }
}
