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

    /// <summary>Answers kept per clinic and kind (services, hosts, zones, weeks asked about); beyond it all are let go.</summary>
    private const int MaxAnswers = 64;

    private readonly ConcurrentDictionary<HoldWindowKey, IReadOnlyList<Models.SlotHold>> _holds = new();

    /// <summary>Free-times answers as written (UTF-8 JSON).</summary>
    public TimedAnswers<SlotAnswerKey, byte[]> Answers { get; } = new(MaxAnswers);

    /// <summary>Time pickers' months.</summary>
    public TimedAnswers<MonthKey, Pages.Booking.SlotMonth> Months { get; } = new(MaxAnswers);
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

/// <summary>A time picker's month as the page asked for it (the visitor's today marks a day).</summary>
public readonly record struct MonthKey(Guid Service, string Host, int Minutes, string Zone, DateOnly Month, DateOnly? Wanted, DateOnly Today);

/// <summary>
/// Answers computed from a clinic's data at one moment, each given again until the passing of time could change it
/// (see <see cref="Services.SlotFinder.UnchangedUntil"/>); at most <paramref name="max"/>, beyond which all are let go.
/// </summary>
public sealed class TimedAnswers<TKey, TValue>(int max) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset ValidUntil)> _answers = new();

    public bool TryGet(TKey key, DateTimeOffset now, out TValue value)
    {
        if (_answers.TryGetValue(key, out var kept) && now < kept.ValidUntil)
        {
            value = kept.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Keep(TKey key, TValue value, DateTimeOffset validUntil)
    {
        if (_answers.Count >= max)
        {
            _answers.Clear();
        }
        _answers[key] = (value, validUntil);
    }
}

/// <summary>The seats of these hosts (their ids joined) over this window of UTC ticks.</summary>
public readonly record struct HoldWindowKey(string Hosts, long From, long To);
