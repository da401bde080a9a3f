using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Recipes;
using Telemed.Core.Security;

namespace Telemed.Booking.Recipes;

/// <summary>
/// <c>{ "step": "hosts", "hosts": [ { "user": "dr.alice@demo.clinic", "displayName", "bio", "timeZone",
/// "weekly": { "Monday": "09:00-12:30, 13:30-17:00", ... }, "overrides": [ "2026-12-24 09:00-12:00" ],
/// "outOfOffice": [ "2026-12-25..2026-12-26 Holiday" ], "outOfOfficeInDays": [ { "inDays": 3, "label": "Conference" } ],
/// "services": [ "General consultation" ] } ] }</c>. <c>outOfOfficeInDays</c> counts whole days from
/// the day the recipe runs, so a demo always shows a day away ahead. Existing hosts (same user or
/// name) are left as they are.
/// </summary>
public sealed class HostsRecipeStep(TimeProvider clock) : IRecipeStep
{
    /// <summary>The furthest ahead <c>outOfOfficeInDays</c> may reach: two years, the longest booking horizon.</summary>
    private const int MaxDaysAhead = 730;

    public string Name => "hosts";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var (hosts, error) = Read(step);
        if (error is not null)
        {
            return [error];
        }
        return hosts.SelectMany((host, index) => Problems(host, index + 1));
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<BookingDb>();
        var users = context.Services.GetRequiredService<IUserDirectory>();
        foreach (var item in Read(context.Step).Hosts)
        {
            var user = item.User is null ? null : await users.FindByEmailAsync(item.User, cancellationToken)
                ?? throw new InvalidOperationException($"host user '{item.User}' does not exist; add it in a \"users\" step first");
            var name = item.DisplayName ?? user!.DisplayName;
            if (await db.Hosts.AnyAsync(h => (user != null && h.UserId == user.Id) || h.DisplayName == name, cancellationToken))
            {
                continue;
            }

            var host = new HostProfile
            {
                UserId = user?.Id,
                DisplayName = name,
                Bio = item.Bio,
                TimeZone = IanaZones.TryFind(item.TimeZone, out var zone) ? zone.Id : item.TimeZone!,
                Availability = ToAvailability(item, out _),
            };
            db.Hosts.Add(host);
            foreach (var serviceName in item.Services ?? [])
            {
                var service = await db.Services.FirstOrDefaultAsync(s => s.Name == serviceName, cancellationToken)
                    ?? throw new InvalidOperationException($"service '{serviceName}' does not exist; add it in a \"services\" step first");
                db.ServiceHosts.Add(new ServiceHost { ServiceId = service.Id, HostId = host.Id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private HostAvailability ToAvailability(HostData host, out string? error)
    {
        error = null;
        var weekly = new List<WeeklyHours>();
        foreach (var (dayName, text) in host.Weekly ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day))
            {
                error = $"'{dayName}' is not a weekday";
                return HostAvailability.Empty;
            }
            weekly.AddRange(ScheduleText.ParseWindows(text, out error).Select(w => new WeeklyHours(day, w)));
            if (error is not null)
            {
                return HostAvailability.Empty;
            }
        }

        var overrides = ScheduleText.ParseOverrides(string.Join("\n", host.Overrides ?? []), out error);
        var away = ScheduleText.ParseOutOfOffice(string.Join("\n", host.OutOfOffice ?? []), out var awayError).ToList();
        error ??= awayError;
        if (host.OutOfOfficeInDays?.FirstOrDefault(d => d.InDays is < 0 or > MaxDaysAhead) is { } far)
        {
            error ??= $"\"inDays\" counts from 0 to {MaxDaysAhead} days ahead (got {far.InDays})";
        }
        else if (host.OutOfOfficeInDays is { Count: > 0 } && IanaZones.TryFind(host.TimeZone, out var zone))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            away.AddRange(host.OutOfOfficeInDays.Select(d => new AwayTime(today.AddDays(d.InDays), today.AddDays(d.InDays), null, d.Label)));
        }
        return new HostAvailability(weekly, overrides, away);
    }

    private static (IReadOnlyList<HostData> Hosts, string? Error) Read(JsonElement step)
    {
        if (!step.TryGetProperty("hosts", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return ([], "\"hosts\" must be a list");
        }
        try
        {
            return (list.Deserialize<List<HostData>>(ServicesRecipeStep.Json) ?? [], null);
        }
        catch (JsonException exception)
        {
            return ([], $"a host is not in the expected shape: {exception.Message}");
        }
    }

    private IEnumerable<string> Problems(HostData host, int index)
    {
        if (host.User is null && string.IsNullOrWhiteSpace(host.DisplayName))
        {
            yield return $"host {index} needs a \"user\" e-mail or a \"displayName\"";
        }
        if (!IanaZones.TryFind(host.TimeZone, out _))
        {
            yield return $"host {index} needs an IANA \"timeZone\" such as Europe/London";
        }
        ToAvailability(host, out var error);
        if (error is not null)
        {
            yield return $"host {index}: {error}";
        }
    }

    private sealed record DaysAway(int InDays, string? Label);

    private sealed record HostData(
        string? User,
        string? DisplayName,
        string? Bio,
        string? TimeZone,
        Dictionary<string, string>? Weekly,
        List<string>? Overrides,
        List<string>? OutOfOffice,
        List<DaysAway>? OutOfOfficeInDays,
        List<string>? Services);
}
