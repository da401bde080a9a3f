using System.Globalization;

namespace Telemed.LoadTests;

/// <summary>The load runs' shared arithmetic and readings: percentiles of latencies and a process's resident memory.</summary>
public static class Figures
{
    /// <summary>The value at <paramref name="p"/> (0..1) of an ascending list (nearest rank); 0 for an empty one.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The process's resident memory (VmRSS), in MB.</summary>
    public static long ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
