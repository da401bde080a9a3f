namespace Telemed.Liquid.Parsing;

/// <summary>
/// One string instance per identifier within a template, so scope lookups usually match by
/// reference instead of comparing characters.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal) { ["forloop"] = "forloop" };
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

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
            existing = name.ToString();
            _names[existing] = existing;
        }

        return existing;
    }
}
