using System.Collections;

namespace Telemed.Liquid.Values;

/// <summary>Presents a .NET list to templates, converting each item only when it is read.</summary>
internal sealed class ObjectListAdapter(IList items) : IReadOnlyList<LiquidValue>
{
    public int Count => items.Count;

    public LiquidValue this[int index] => LiquidValue.FromObject(items[index]);

    public IEnumerator<LiquidValue> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return LiquidValue.FromObject(items[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
