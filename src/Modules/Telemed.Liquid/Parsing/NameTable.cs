namespace Telemed.Liquid.Parsing;

/// <summary>
/// One string instance per identifier within a template, so scope and model lookups usually
/// match by reference instead of comparing characters.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal) { ["forloop"] = "forloop" };
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bound = new(StringComparer.Ordinal) { "forloop" };

    /// <summary>Which root names the template itself can bind; filled in once the template is parsed.</summary>
    public VariableBindings Bindings { get; } = new();

    private bool _allBound;

    /// <summary>Records a name set by assign, capture, a loop or a counter, which may hide the model's value.</summary>
    public void MarkBound(string name) => _bound.Add(name);

    /// <summary>An <c>include</c> can set any name, so every name is looked up in scope first.</summary>
    public void MarkAllBound() => _allBound = true;

    public void Complete()
    {
        var bound = new bool[_slots.Count];
        foreach (var (name, slot) in _slots)
        {
            bound[slot] = _allBound || _bound.Contains(name);
        }

        Bindings.Complete(bound);
    }

    /// <summary>How many distinct variable names the template reads at its root.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>The index under which a render caches what the model holds for this root variable name.</summary>
    public int SlotOf(string name)
    {
        if (!_slots.TryGetValue(name, out var slot))
        {
            slot = _slots.Count;
            _slots[name] = slot;
        }

        return slot;
    }

    public string Get(ReadOnlySpan<char> name)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(name, out var existing))
        {
            // The runtime's interned instance when there is one: models are mostly built with literal
            // keys, so looking a root name up in a model usually matches by reference.
            existing = name.ToString();
            existing = string.IsInterned(existing) ?? existing;
            _names[existing] = existing;
        }

        return existing;
    }
}

/// <summary>
/// Per root variable slot, whether the template can bind that name itself. Names it never binds
/// always come from the model, so a render reads them straight from its per-slot cache.
/// </summary>
internal sealed class VariableBindings
{
    private bool[]? _bound;

    /// <summary>Until the template is fully parsed every name counts as bound, the safe answer.</summary>
    public bool IsBound(int slot) => _bound is not { } bound || bound[slot];

    public void Complete(bool[] bound) => _bound = bound;
}
