using Telemed.Booking.Availability;
using Telemed.Booking.Models;

namespace Telemed.Booking.Catalog;

/// <summary>
/// What a clinic offers at one catalog version: its active services and, per service, the active hosts offering it with
/// their schedules already in the engine's form. One instance serves every request of the clinic until the version moves,
/// so nothing reached through it may be changed.
/// </summary>
public sealed class ClinicCatalog
{
    private readonly Dictionary<Guid, Service> _services;
    private readonly Dictionary<Guid, IReadOnlyList<HostProfile>> _hostsByService;
    private readonly Dictionary<Guid, HostSchedule> _schedules;

    /// <param name="services">Active services in the database's order by name.</param>
    /// <param name="hosts">Active hosts in the database's order by name.</param>
    /// <param name="links">Which host offers which service.</param>
    public ClinicCatalog(long version, IReadOnlyList<Service> services, IReadOnlyList<HostProfile> hosts, IReadOnlyList<ServiceHost> links)
    {
        Version = version;
        _services = services.ToDictionary(s => s.Id);
        _schedules = hosts.ToDictionary(h => h.Id, h => h.ToSchedule());
        var offeredBy = links.ToLookup(l => l.ServiceId, l => l.HostId);
        _hostsByService = services.ToDictionary(s => s.Id,
            s => (IReadOnlyList<HostProfile>)hosts.Where(h => offeredBy[s.Id].Contains(h.Id)).ToList());
        Offered = services.Where(s => _hostsByService[s.Id].Count > 0).ToList();
    }

    /// <summary>The version of the clinic's services, hosts and links this was read at (see the booking_catalog_versions table).</summary>
    public long Version { get; }

    /// <summary>The active services some active host offers, by name: what the public service list shows.</summary>
    public IReadOnlyList<Service> Offered { get; }

    public Service? FindService(Guid id) => _services.GetValueOrDefault(id);

    /// <summary>The active hosts offering a service (only <paramref name="hostId"/> when given), by name.</summary>
    public IReadOnlyList<HostProfile> HostsOffering(Guid serviceId, Guid? hostId = null) =>
        !_hostsByService.TryGetValue(serviceId, out var hosts) ? []
        : hostId is { } id ? hosts.Where(h => h.Id == id).ToList()
        : hosts;

    public HostSchedule ScheduleOf(HostProfile host) => _schedules[host.Id];
}
