using Telemed.Booking.Availability;
using Telemed.Core.Clinic;
using Telemed.Core.Data;

namespace Telemed.Booking.Models;

/// <summary>What a patient can book: its lengths, seats, buffers and the notice rules around it.</summary>
public sealed class Service : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The lengths offered, in minutes, shortest first.</summary>
    public int[] Durations { get; set; } = [30];

    public bool Telemed { get; set; }
    /// <summary>A provider module's id, <see cref="MeetingProviders.HostsConnected"/>, or <see cref="MeetingProviders.None"/>.</summary>
    public string MeetingProvider { get; set; } = MeetingProviders.None;

    /// <summary>1 for one patient at a time; more for a group session.</summary>
    public int Capacity { get; set; } = 1;

    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public int MinimumNoticeMinutes { get; set; }
    public int HorizonDays { get; set; } = 60;

    /// <summary>How long before the start a patient may still cancel or reschedule.</summary>
    public int ChangeNoticeMinutes { get; set; }

    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public bool IsGroup => Capacity > 1;

    public bool Offers(int minutes) => Durations.Contains(minutes);

    public SlotRules RulesFor(int minutes) => new()
    {
        Duration = TimeSpan.FromMinutes(minutes),
        BufferBefore = TimeSpan.FromMinutes(BufferBeforeMinutes),
        BufferAfter = TimeSpan.FromMinutes(BufferAfterMinutes),
        MinimumNotice = TimeSpan.FromMinutes(MinimumNoticeMinutes),
        Horizon = TimeSpan.FromDays(HorizonDays),
        Capacity = Capacity,
        ServiceId = Id.ToString(),
    };
}

/// <summary>A host offers a service.</summary>
public sealed class ServiceHost : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid HostId { get; set; }
}
