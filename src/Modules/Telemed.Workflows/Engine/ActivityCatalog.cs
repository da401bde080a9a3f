using Telemed.Core.Workflows;

namespace Telemed.Workflows.Engine;

/// <summary>Every activity the installed modules offer, by type.</summary>
public sealed class ActivityCatalog(IEnumerable<WorkflowActivity> activities)
{
    private readonly Dictionary<string, WorkflowActivity> _byType = activities.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.Last());

    public IEnumerable<WorkflowActivity> All => _byType.Values.OrderBy(a => a.Kind).ThenBy(a => a.Category).ThenBy(a => a.DisplayName);

    public WorkflowActivity? Find(string type) => _byType.GetValueOrDefault(type);
}
