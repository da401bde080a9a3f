using Telemed.Booking.Availability;
using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>A free time offered instead, ready for a link: ISO start with the visitor's offset.</summary>
public sealed record SuggestedSlot(string Start, string Label, Guid HostId, string HostName);

/// <summary>Fresh times to offer when the one asked for is gone: the next free ones from that day on.</summary>
public sealed class SlotSuggestions(SlotFinder finder)
{
    public async Task<IReadOnlyList<SuggestedSlot>> NearAsync(Service service, IReadOnlyList<HostProfile> hosts, int minutes,
        DateTimeOffset around, TimeZoneInfo zone, CancellationToken cancellationToken, Guid? releasingSlot = null, int count = 8)
    {
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Max(around, finder.Now), zone).DateTime);
        var range = VisitorTime.DaysToUtc(firstDay, firstDay.AddDays(13), zone);
        var slots = await finder.FindAsync(service, hosts, minutes, range, cancellationToken, releasingSlot: releasingSlot);
        return slots
            .DistinctBy(s => s.Slot.Start)
            .Take(count)
            .Select(s => new SuggestedSlot(
                VisitorTime.ToIso8601(s.Slot.Start, zone),
                TimeText.Range(s.Slot.Start, s.Slot.End, zone.Id),
                s.Host.Id,
                s.Host.DisplayName))
            .ToList();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
