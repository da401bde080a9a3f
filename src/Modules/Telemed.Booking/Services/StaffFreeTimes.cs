using System.Globalization;
using Telemed.Booking.Availability;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>A free start as staff pick it: the value posted back (ISO 8601 with the zone's offset) and "09:30–10:00".</summary>
public sealed record FreeTime(DateTimeOffset Start, string Value, string Label);

/// <summary>One day of free times, in the staff member's zone; empty when the host has none that day.</summary>
public sealed record FreeDay(DateOnly Date, string Heading, IReadOnlyList<FreeTime> Times);

/// <summary>A week of a host's free times in <see cref="ZoneId"/>, starting on <see cref="First"/>.</summary>
public sealed record FreeWeek(DateOnly First, string ZoneId, string ZoneAbbreviation, IReadOnlyList<FreeDay> Days)
{
    public bool IsEmpty => Days.All(d => d.Times.Count == 0);
}

/// <summary>
/// The host's free times for the staff pages that book and move appointments, from the same engine and
/// rules as the public picker except the service's minimum notice, which staff may book inside.
/// </summary>
public sealed class StaffFreeTimes(SlotFinder finder)
{
    public const int DaysShown = 7;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finder.Now, zone).DateTime);

    /// <summary>The first day to show: the one asked for, but never before today nor past the last day input allows.</summary>
    public DateOnly FirstDay(DateOnly? asked, TimeZoneInfo zone)
    {
        var today = Today(zone);
        return asked is { } day && day > today ? (day > TimeInput.LastDay.AddDays(-DaysShown) ? TimeInput.LastDay.AddDays(-DaysShown) : day) : today;
    }

    /// <param name="releasingSlot">The seat of the appointment being moved, free for itself.</param>
    /// <param name="except">The appointment's current start, not offered as a new one.</param>
    public async Task<FreeWeek> WeekAsync(Service service, HostProfile host, int minutes, DateOnly first, TimeZoneInfo zone,
        CancellationToken cancellationToken, Guid? releasingSlot = null, DateTimeOffset? except = null)
    {
        var last = first.AddDays(DaysShown - 1);
        var range = VisitorTime.DaysToUtc(first, last, zone);
        var found = await finder.FindAsync(service, [host], minutes, range, cancellationToken, releasingSlot: releasingSlot, ignoreNotice: true);
        var byDay = found.Where(s => s.Slot.Start != except)
            .Select(s => (Local: VisitorTime.InZone(s.Slot.Start, zone), s.Slot))
            .ToLookup(s => DateOnly.FromDateTime(s.Local.DateTime));
        var days = Enumerable.Range(0, DaysShown).Select(offset =>
        {
            var day = first.AddDays(offset);
            var times = byDay[day].Select(s => new FreeTime(s.Slot.Start, VisitorTime.ToIso8601(s.Slot.Start, zone),
                $"{s.Local.ToString("HH:mm", English)}–{VisitorTime.InZone(s.Slot.End, zone).ToString("HH:mm", English)}")).ToList();
            return new FreeDay(day, day.ToString("dddd d MMMM", English), times);
        }).ToList();
        return new FreeWeek(first, zone.Id, ZoneAbbreviations.For(zone, range.From), days);
    }
}
