using System.Collections.Concurrent;
using Telemed.Core.Data;

namespace Telemed.Booking.Catalog;

/// <summary>
/// What this node holds in memory of each visited clinic's booking data: its catalog, the seats held in the time
/// windows visitors asked about and the free-times answers given. Triggers on the booking tables announce every change
/// to them on <see cref="Channel"/>.
/// </summary>
public sealed class BookingCatalogs(PostgresNotifications notifications)
    : AnnouncedClinicMemory<ClinicMemory>(notifications, Channel, () => new ClinicMemory())
{
    public const string Channel = "booking_changes";
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
