namespace Telemed.IntegrationTests;

/// <summary>A file the diagnostic append job writes to: one line per real run ("id,attempt,pid,clinic").</summary>
public sealed class JobFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"telemed-jobs-{Guid.NewGuid():N}.log");

    public string Payload(int sleepMs = 0, int failUntilAttempt = 0, int retryAfterMs = 0) =>
        System.Text.Json.JsonSerializer.Serialize(new { file = Path, sleepMs, failUntilAttempt, retryAfterMs });

    /// <summary>Every run recorded, from the per-process files the job writes ("{Path}.{pid}").</summary>
    public IReadOnlyList<string[]> Lines => Files()
        .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

    public Task WaitForLinesAsync(int count, TimeSpan? timeout = null) =>
        Waiting.ForAsync(() => Task.FromResult(Lines.Count), seen => seen >= count, seen => $"{seen} runs", $"{count} job runs written to {Path}", timeout);

    private IEnumerable<string> Files() =>
        Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + ".*");

    public void Dispose()
    {
        foreach (var file in Files())
        {
            File.Delete(file);
        }
    }
}
