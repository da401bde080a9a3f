using System.Security.Cryptography;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The primary calendars of all sandbox accounts: events by account and id (cancelled ones kept, as Google keeps
/// them), the Meet codes in use, and per-account call counters.
/// </summary>
public sealed class GoogleEventStore
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    private readonly object _gate = new();
    private readonly Dictionary<(string AccountId, string EventId), GoogleEvent> _events = new();
    private readonly Dictionary<string, (string AccountId, string EventId)?> _meetCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoogleCalendarStats> _stats = new(StringComparer.Ordinal);
    private long _nextOrdinal;

    /// <summary>Adds a new event; false when the calendar already has (or had) an event with that id.</summary>
    public bool TryAdd(GoogleEvent calendarEvent)
    {
        lock (_gate)
        {
            if (!_events.TryAdd((calendarEvent.AccountId, calendarEvent.Id), calendarEvent with { Ordinal = ++_nextOrdinal }))
            {
                return false;
            }

            IndexMeetCode(calendarEvent);
            return true;
        }
    }

    /// <summary>Finds an event of the account's calendar, cancelled ones included.</summary>
    public GoogleEvent? Find(string accountId, string eventId)
    {
        lock (_gate)
        {
            return _events.GetValueOrDefault((accountId, eventId));
        }
    }

    /// <summary>
    /// Reads and replaces an event atomically: <paramref name="change"/> gets the current record (null when there is
    /// none) and returns the replacement (null to keep it) and the answer. It runs under the store's lock, so it must be quick.
    /// </summary>
    public T Update<T>(string accountId, string eventId, Func<GoogleEvent?, (GoogleEvent? Replacement, T Result)> change)
    {
        lock (_gate)
        {
            var current = _events.GetValueOrDefault((accountId, eventId));
            var (replacement, result) = change(current);
            if (current is not null && replacement is not null)
            {
                _events[(accountId, eventId)] = replacement with { Ordinal = current.Ordinal };
                IndexMeetCode(replacement);
            }

            return result;
        }
    }

    /// <summary>The account's events in insertion order, cancelled ones included.</summary>
    public IReadOnlyList<GoogleEvent> OfAccount(string accountId)
    {
        lock (_gate)
        {
            return _events.Values.Where(e => e.AccountId == accountId).OrderBy(e => e.Ordinal).ToArray();
        }
    }

    public IReadOnlyList<GoogleEvent> All()
    {
        lock (_gate)
        {
            return _events.Values.OrderBy(e => e.Ordinal).ToArray();
        }
    }

    /// <summary>The event whose conference has this Meet code, if any.</summary>
    public GoogleEvent? FindByMeetCode(string code)
    {
        lock (_gate)
        {
            return _meetCodes.GetValueOrDefault(code) is { } key ? _events.GetValueOrDefault(key) : null;
        }
    }

    /// <summary>A fresh Meet code, <c>abc-defg-hij</c>, never handed out before.</summary>
    public string ReserveMeetCode()
    {
        lock (_gate)
        {
            string code;
            do
            {
                code = $"{RandomLetters(3)}-{RandomLetters(4)}-{RandomLetters(3)}";
            }
            while (!_meetCodes.TryAdd(code, null));

            return code;
        }
    }

    public void Count(string accountId, Action<GoogleCalendarStats> count)
    {
        lock (_gate)
        {
            count(_stats.TryGetValue(accountId, out var stats) ? stats : _stats[accountId] = new GoogleCalendarStats());
        }
    }

    public GoogleCalendarStats StatsFor(string accountId)
    {
        lock (_gate)
        {
            return _stats.GetValueOrDefault(accountId)?.Copy() ?? new GoogleCalendarStats();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _events.Clear();
            _meetCodes.Clear();
            _stats.Clear();
        }
    }

    private void IndexMeetCode(GoogleEvent calendarEvent)
    {
        if (calendarEvent.Conference is { Copied: null, Code: var code })
        {
            _meetCodes[code] = (calendarEvent.AccountId, calendarEvent.Id);
        }
    }

    private static string RandomLetters(int count) => string.Create(count, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        }
    });
}

/// <summary>Calendar calls of one account, for tests that assert what the product did (and how often it polled).</summary>
public sealed class GoogleCalendarStats
{
    public int EventsInserted { get; set; }
    public int EventsPatched { get; set; }
    public int EventsUpdated { get; set; }
    public int EventsDeleted { get; set; }
    public int EventGets { get; set; }
    public int EventLists { get; set; }
    public int ConferencesRequested { get; set; }

    public GoogleCalendarStats Copy() => (GoogleCalendarStats)MemberwiseClone();
}
