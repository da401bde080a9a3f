namespace Telemed.Liquid.Parsing;

/// <summary>Turns an offset in the template text into a 1-based line and column.</summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string source)
    {
        var starts = new List<int> { 0 };
        for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        _lineStarts = [.. starts];
    }

    public (int Line, int Column) Locate(int position)
    {
        var index = Array.BinarySearch(_lineStarts, Math.Max(position, 0));
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, position - _lineStarts[index] + 1);
    }

    public int LineOf(int position) => Locate(position).Line;
}
