namespace Telemed.Workflows.Pages.Workflows;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line diff by longest common subsequence: what turns <c>before</c> into <c>after</c>.</summary>
public static class LineDiff
{
    /// <summary>Beyond this many cells the table would be too large: the texts are shown as all removed, then all added.</summary>
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        if ((long)a.Length * b.Length > MaxCells)
        {
            return [.. a.Select(l => new DiffLine(DiffKind.Removed, l)), .. b.Select(l => new DiffLine(DiffKind.Added, l))];
        }
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var result = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new(DiffKind.Same, a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                result.Add(new(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new(DiffKind.Added, b[y++]));
            }
        }
        while (x < a.Length) result.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) result.Add(new(DiffKind.Added, b[y++]));
        return result;
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}
