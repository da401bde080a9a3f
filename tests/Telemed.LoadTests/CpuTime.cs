namespace Telemed.LoadTests;

/// <summary>
/// CPU time used by given processes and by a PostgreSQL cluster's server processes, read from /proc. On a
/// shared machine the wall-clock rate depends on the neighbours; CPU time per job does much less.
/// </summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User plus system time of the processes, in seconds; processes that are gone count nothing.</summary>
    public static double Of(IEnumerable<int> processIds) => processIds.Sum(Read);

    /// <summary>The postmaster (first line of postmaster.pid) and every process it started: backends, WAL writer, checkpointer.</summary>
    public static IReadOnlyList<int> ClusterProcesses(string dataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First());
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return [postmaster, .. children];
    }

    private static double Read(int pid) => Fields(pid) is { } fields ? (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond : 0;

    private static int ParentOf(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1]) : 0;

    /// <summary>The fields of /proc/{pid}/stat after the command name (which may contain spaces): state is [0].</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
