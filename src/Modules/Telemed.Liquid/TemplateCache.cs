using System.Collections.Concurrent;

namespace Telemed.Liquid;

/// <summary>
/// Parsed templates by source text, bounded: past the capacity the least recently used tenth is
/// dropped, so admins editing templates cannot grow memory without limit.
/// </summary>
internal sealed class TemplateCache(int capacity)
{
    private readonly ConcurrentDictionary<(string? Name, string Source), Entry> _entries = new();
    private long _clock;

    public int Count => _entries.Count;

    public LiquidTemplate GetOrAdd(string? name, string source, Func<string?, string, LiquidTemplate> parse)
    {
        var key = (name, source);
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            return entry.Template;
        }

        var template = parse(name, source);
        _entries[key] = new Entry(template) { LastUsed = Interlocked.Increment(ref _clock) };
        if (_entries.Count > capacity)
        {
            Trim();
        }

        return template;
    }

    public void Clear() => _entries.Clear();

    private void Trim()
    {
        var snapshot = _entries.ToArray();
        Array.Sort(snapshot, (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
        var remove = snapshot.Length - capacity + Math.Max(1, capacity / 10);
        for (var i = 0; i < remove && i < snapshot.Length; i++)
        {
            _entries.TryRemove(snapshot[i].Key, out _);
        }
    }

    private sealed class Entry(LiquidTemplate template)
    {
        public LiquidTemplate Template { get; } = template;

        public long LastUsed { get; set; }
    }
}
