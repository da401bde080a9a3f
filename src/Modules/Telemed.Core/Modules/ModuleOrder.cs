namespace Telemed.Core.Modules;

/// <summary>
/// Orders modules so that each comes after every module it requires (Kahn's algorithm); among modules free to go,
/// the one with the smallest id goes first, so the order is the same on every node and every start.
/// </summary>
public static class ModuleOrder
{
    public static IReadOnlyList<ModuleInfo> Sort(IEnumerable<ModuleInfo> modules)
    {
        var byId = new Dictionary<string, ModuleInfo>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!byId.TryAdd(module.Id, module))
            {
                throw new ModuleRequirementException(
                    $"Two assemblies declare the module id {module.Id}: {byId[module.Id].Assembly.GetName().Name} and {module.Assembly.GetName().Name}.");
            }
        }

        var missing = byId.Values
            .SelectMany(module => module.Requires.Where(required => !byId.ContainsKey(required)).Select(required => (module, required)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ModuleRequirementException("The host cannot start: " + string.Join("; ", missing.Select(m =>
                $"module {m.module.Id} ({m.module.Name}) requires {m.required}, which is not installed (reference its project from the host)")) + ".");
        }

        var waitingOn = byId.Values.ToDictionary(m => m.Id, m => new HashSet<string>(m.Requires, StringComparer.Ordinal), StringComparer.Ordinal);
        var ready = new SortedSet<string>(waitingOn.Where(w => w.Value.Count == 0).Select(w => w.Key), StringComparer.Ordinal);
        var ordered = new List<ModuleInfo>(byId.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            waitingOn.Remove(next);
            ordered.Add(byId[next]);
            foreach (var (id, requirements) in waitingOn)
            {
                if (requirements.Remove(next) && requirements.Count == 0)
                {
                    ready.Add(id);
                }
            }
        }

        if (waitingOn.Count > 0)
        {
            throw new ModuleRequirementException("The host cannot start: these modules require each other in a circle: "
                + string.Join(", ", waitingOn.Select(w => $"{w.Key} (requires {string.Join(", ", w.Value)})")) + ".");
        }

        return ordered;
    }
}
