namespace Telemed.Core.Data.Postgres;

/// <summary>Finds PostgreSQL's server tools on PATH or in Debian's versioned folders.</summary>
public static class PostgresTools
{
    public static string Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, tool));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates = candidates.Concat(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => dir, StringComparer.Ordinal)
                .Select(dir => Path.Combine(dir, "bin", tool)));
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"PostgreSQL's '{tool}' was not found on PATH or under /usr/lib/postgresql; install PostgreSQL 15 or set ConnectionStrings__Postgres.");
    }
}
