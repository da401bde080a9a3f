using System.Collections.Concurrent;
using Telemed.Workflows.Definitions;

namespace Telemed.Workflows.Engine;

/// <summary>
/// Parsed graphs of saved workflow versions, by workflow id and version. A saved version never changes (a restore saves a
/// new one), so nothing needs dropping when a workflow is edited; the cache starts over when it grows past its bound.
/// Callers must not change a graph they get from here.
/// </summary>
public sealed class WorkflowVersionCache
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid Workflow, int Version), WorkflowDefinition> _definitions = new();

    public async Task<WorkflowDefinition> GetAsync(Guid workflowId, int version, Func<Task<string>> load)
    {
        if (_definitions.TryGetValue((workflowId, version), out var cached))
        {
            return cached;
        }
        var definition = WorkflowDefinition.Parse(await load());
        if (_definitions.Count >= MaxEntries)
        {
            _definitions.Clear();
        }
        _definitions[(workflowId, version)] = definition;
        return definition;
    }
}
