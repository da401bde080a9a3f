using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Inspection;

/// <summary>A bounded in-memory log of provider requests, newest last.</summary>
public sealed class RequestLog(IOptions<SandboxOptions> options)
{
    private readonly object _gate = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry);
            while (_entries.Count > options.Value.RequestLogCapacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Query(string? provider = null, string? account = null, string? operation = null)
    {
        lock (_gate)
        {
            return _entries
                .Where(e => provider is null || e.Provider == provider)
                .Where(e => account is null || e.Account == account)
                .Where(e => operation is null || string.Equals(e.Operation, operation, StringComparison.OrdinalIgnoreCase))
                .ToArray();
        }
    }

    public void Clear(string? provider = null)
    {
        lock (_gate)
        {
            if (provider is null)
            {
                _entries.Clear();
                return;
            }

            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Provider == provider)
                {
                    _entries.Remove(node);
                }

                node = next;
            }
        }
    }
}
