using System.Collections.Concurrent;

namespace Telemed.Booking.Catalog;

/// <summary>
/// The node's catalogs, one per clinic that was visited. An entry is never trusted by itself: every read checks it against
/// the clinic's catalog version in the database (in the same round trip as the read's own query), so a change made on any
/// node is seen by the next request on every node, and nothing needs a timer or a message to expire.
/// </summary>
public sealed class BookingCatalogs
{
    private readonly ConcurrentDictionary<Guid, ClinicCatalog> _byClinic = new();

    public ClinicCatalog? Find(Guid clinicId) => _byClinic.GetValueOrDefault(clinicId);

    /// <summary>Keeps <paramref name="catalog"/> unless a newer one was stored meanwhile by a request that read later.</summary>
    public void Keep(Guid clinicId, ClinicCatalog catalog) =>
        _byClinic.AddOrUpdate(clinicId, catalog, (_, held) => held.Version > catalog.Version ? held : catalog);

    /// <summary>The clinics with a catalog in memory.</summary>
    public int Count => _byClinic.Count;
}
