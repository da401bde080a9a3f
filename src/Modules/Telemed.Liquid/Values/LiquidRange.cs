using System.Collections;

namespace Telemed.Liquid.Values;

/// <summary>An inclusive integer range such as <c>(1..5)</c>, enumerated without materialising it.</summary>
public sealed class LiquidRange(long start, long end) : IReadOnlyList<LiquidValue>
{
    public long Start { get; } = start;

    public long End { get; } = end;

    public int Count => End < Start ? 0 : (int)Math.Min(End - Start + 1, int.MaxValue);

    public LiquidValue this[int index] => LiquidValue.Create(Start + index);

    public IEnumerator<LiquidValue> GetEnumerator()
    {
        for (var i = Start; i <= End; i++)
        {
            yield return LiquidValue.Create(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Start}..{End}";
}
