using Telemed.Liquid.Values;

namespace Telemed.Liquid.Rendering;

/// <summary>Reusable storage for filter arguments so a filter call allocates no array.</summary>
internal sealed class ArgumentStack
{
    private int _top;

    public LiquidValue[] Buffer { get; private set; } = new LiquidValue[8];

    public int Push(int count)
    {
        var start = _top;
        if (start + count > Buffer.Length)
        {
            var larger = new LiquidValue[Math.Max(Buffer.Length * 2, start + count)];
            Buffer.AsSpan(0, start).CopyTo(larger);
            Buffer = larger;
        }

        _top = start + count;
        return start;
    }

    public void Pop(int start)
    {
        Buffer.AsSpan(start, _top - start).Clear();
        _top = start;
    }

    public void Clear() => Pop(0);
}
