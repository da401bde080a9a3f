using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Meetings of all sandbox users, the host tokens behind start_url, and the per-user daily request counters.</summary>
public sealed class ZoomMeetingStore(IOptions<SandboxOptions> options, TimeProvider clock)
{
    private readonly ZoomSandboxOptions _options = options.Value.Zoom;
    private readonly object _gate = new();
    private readonly Dictionary<long, ZoomMeeting> _meetings = new();
    private readonly Dictionary<string, (long MeetingId, DateTimeOffset ExpiresAt)> _startTokens = new();
    private readonly Dictionary<(string UserId, DateOnly Day), int> _dailyRequests = new();

    /// <summary>A fresh, unused meeting id: 11 digits, like Zoom's (more than an int holds).</summary>
    public long NewMeetingId()
    {
        lock (_gate)
        {
            long id;
            do
            {
                id = 80_000_000_000 + Random.Shared.NextInt64(19_999_999_999);
            }
            while (_meetings.ContainsKey(id));

            return id;
        }
    }

    public void Save(ZoomMeeting meeting)
    {
        lock (_gate)
        {
            _meetings[meeting.Id] = meeting;
        }
    }

    /// <summary>Finds a meeting, deleted ones included (callers decide how to answer for them).</summary>
    public ZoomMeeting? Find(long id)
    {
        lock (_gate)
        {
            return _meetings.GetValueOrDefault(id);
        }
    }

    /// <summary>Applies a change atomically; returns the new record, or null when the meeting does not exist.</summary>
    public ZoomMeeting? Change(long id, Func<ZoomMeeting, ZoomMeeting> change)
    {
        lock (_gate)
        {
            if (!_meetings.TryGetValue(id, out var meeting))
            {
                return null;
            }

            return _meetings[id] = change(meeting);
        }
    }

    public IReadOnlyList<ZoomMeeting> OfHost(string hostId, bool includeDeleted = false)
    {
        lock (_gate)
        {
            return _meetings.Values
                .Where(m => m.HostId == hostId && (includeDeleted || !m.IsDeleted))
                .OrderBy(m => m.StartTime).ThenBy(m => m.Id)
                .ToArray();
        }
    }

    public IReadOnlyList<ZoomMeeting> All()
    {
        lock (_gate)
        {
            return _meetings.Values.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToArray();
        }
    }

    /// <summary>Mints the host token embedded in a start_url; each read of a meeting gets a new one.</summary>
    public string IssueStartToken(long meetingId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var stale in _startTokens.Where(t => t.Value.ExpiresAt <= now).Select(t => t.Key).ToList())
            {
                _startTokens.Remove(stale);
            }

            _startTokens[token] = (meetingId, now + _options.StartUrlLifetime);
        }

        return token;
    }

    /// <summary>The meeting a start token opens, or null when the token is unknown, expired or for another meeting.</summary>
    public ZoomMeeting? RedeemStartToken(long meetingId, string? token)
    {
        lock (_gate)
        {
            return token is not null
                && _startTokens.TryGetValue(token, out var issued)
                && issued.MeetingId == meetingId
                && issued.ExpiresAt > clock.GetUtcNow()
                ? _meetings.GetValueOrDefault(meetingId)
                : null;
        }
    }

    /// <summary>
    /// Counts one create/update request of the user for today (UTC). Returns false, without counting, once the
    /// daily limit is reached; <paramref name="resumesAt"/> is the next UTC midnight.
    /// </summary>
    public bool TryCountMeetingRequest(ZoomUser user, out int limit, out DateTimeOffset resumesAt)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        limit = user.Settings.DailyMeetingRequestLimit ?? _options.DailyMeetingRequestLimit;
        resumesAt = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        lock (_gate)
        {
            var used = _dailyRequests.GetValueOrDefault((user.Id, today));
            if (used >= limit)
            {
                return false;
            }

            _dailyRequests[(user.Id, today)] = used + 1;
            return true;
        }
    }

    public int MeetingRequestsToday(ZoomUser user)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            return _dailyRequests.GetValueOrDefault((user.Id, today));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _meetings.Clear();
            _startTokens.Clear();
            _dailyRequests.Clear();
        }
    }
}
