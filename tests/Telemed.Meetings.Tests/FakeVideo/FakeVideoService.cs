using System.Collections.Concurrent;

namespace Telemed.Meetings.Tests.FakeVideo;

/// <summary>The fake provider's side: the meetings it holds and every call it was asked to make.</summary>
public sealed class FakeVideoService
{
    private long _next = 1000;

    public ConcurrentDictionary<string, FakeMeeting> Meetings { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();

    public FakeMeeting Create(string topic, string agenda, DateTimeOffset start, int minutes, string? passcode)
    {
        var id = Interlocked.Increment(ref _next).ToString();
        var meeting = new FakeMeeting(id, topic, agenda, start, minutes, passcode ?? "fake-pass");
        Meetings[id] = meeting;
        Calls.Enqueue($"create {id}");
        return meeting;
    }

    public IReadOnlyList<FakeMeeting> Live(string marker) => Meetings.Values.Where(m => !m.Deleted && m.Agenda.Contains(marker)).ToList();
}

public sealed record FakeMeeting(string Id, string Topic, string Agenda, DateTimeOffset Start, int Minutes, string Passcode)
{
    public bool Deleted { get; set; }
    public bool Running { get; set; }
    public string JoinUrl => $"https://fake.video.test/j/{Id}";
}
