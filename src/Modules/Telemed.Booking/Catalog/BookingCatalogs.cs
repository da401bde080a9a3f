using System.Collections.Concurrent;
using Telemed.Core.Data;

namespace Telemed.Booking.Catalog;

/// <summary>
/// What this node holds in memory of each visited clinic's booking data: its catalog, the seats held in the time
/// windows visitors asked about and the free-times answers given. The database announces every change to them on <see cref="Channel"/> (triggers on the
/// booking tables, sent when the change commits); a clinic's memory is dropped when its announcement arrives, and all of
/// it when the listener (re)connects, since announcements sent meanwhile are lost.
/// </summary>
public sealed class BookingCatalogs
{
    public const string Channel = "booking_changes";

    private readonly ConcurrentDictionary<Guid, ClinicMemory> _byClinic = new();
    private readonly PostgresNotifications _notifications;

    public BookingCatalogs(PostgresNotifications notifications)
    {
        _notifications = notifications;
        notifications.Subscribe(Channel, Forget);
    }

    /// <summary>
    /// Whether memory may be served without asking the database: only while this node hears every announcement. Until
    /// then (the listener connecting or reconnecting) every read goes to the database.
    /// </summary>
    public bool Trusted => _notifications.IsListening(Channel);

    /// <summary>The clinic's memory as it stands; one dropped meanwhile keeps whatever is stored in it to itself.</summary>
    public ClinicMemory For(Guid clinicId) => _byClinic.GetOrAdd(clinicId, _ => new ClinicMemory());

    /// <summary>The clinics with anything in memory.</summary>
    public int Count => _byClinic.Count;

    /// <summary>Drops what is held of one clinic (a change saved on this node, before the database's announcement of it).</summary>
    public void Forget(Guid clinicId) => _byClinic.TryRemove(clinicId, out _);

    private void Forget(string clinic)
    {
        if (Guid.TryParse(clinic, out var clinicId))
        {
            _byClinic.TryRemove(clinicId, out _);
        }
        else
        {
            _byClinic.Clear();
        }
    }
}

/// <summary>One clinic's booking data in memory; replaced, never emptied, when the clinic changes.</summary>
public sealed class ClinicMemory
{
    /// <summary>Distinct windows kept per clinic (visitors' zones and weeks); beyond it the oldest are all let go.</summary>
    private const int MaxHoldWindows = 256;

    /// <summary>Answers kept per clinic (services, hosts, zones, weeks asked about); beyond it all are let go.</summary>
    private const int MaxAnswers = 64;

    private readonly ConcurrentDictionary<HoldWindowKey, IReadOnlyList<Models.SlotHold>> _holds = new();
    private readonly ConcurrentDictionary<SlotAnswerKey, SlotAnswer> _answers = new();
    private ClinicCatalog? _catalog;

    public ClinicCatalog? Catalog => Volatile.Read(ref _catalog);

    /// <summary>Keeps <paramref name="catalog"/> unless a newer one was stored meanwhile by a request that read later.</summary>
    public void Keep(ClinicCatalog catalog)
    {
        var held = Catalog;
        while ((held is null || held.Version <= catalog.Version) && Interlocked.CompareExchange(ref _catalog, catalog, held) != held)
        {
            held = Catalog;
        }
    }

    public bool TryGetAnswer(SlotAnswerKey key, DateTimeOffset now, out SlotAnswer answer) =>
        _answers.TryGetValue(key, out answer!) && now < answer.ValidUntil;

    public void KeepAnswer(SlotAnswerKey key, SlotAnswer answer)
    {
        if (_answers.Count >= MaxAnswers)
        {
            _answers.Clear();
        }
        _answers[key] = answer;
    }

    public bool TryGetHolds(HoldWindowKey key, out IReadOnlyList<Models.SlotHold> holds) => _holds.TryGetValue(key, out holds!);

    public void KeepHolds(HoldWindowKey key, IReadOnlyList<Models.SlotHold> holds)
    {
        if (_holds.Count >= MaxHoldWindows)
        {
            _holds.Clear();
        }
        _holds[key] = holds;
    }
}

/// <summary>A free-times question as the search understood it (dates resolved, zone by id).</summary>
public readonly record struct SlotAnswerKey(Guid Service, Guid? Host, DateOnly First, DateOnly Last, string Zone, int? Minutes);

/// <summary>A free-times answer as written (UTF-8 JSON), the same for every visitor who asks before <paramref name="ValidUntil"/>.</summary>
public sealed record SlotAnswer(byte[] Json, DateTimeOffset ValidUntil);

/// <summary>The seats of these hosts (their ids joined) over this window of UTC ticks.</summary>
public readonly record struct HoldWindowKey(string Hosts, long From, long To);
