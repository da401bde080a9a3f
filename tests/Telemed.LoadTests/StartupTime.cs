using System.Diagnostics;
using Telemed.Testing;

namespace Telemed.LoadTests;

/// <summary>Time from process start to /health 200 with the embedded PostgreSQL: fresh App_Data, then existing.</summary>
public static class StartupTime
{
    public static async Task RunAsync()
    {
        var appData = Path.Combine("/var/tmp", $"telemed-startup-{Environment.ProcessId}");
        var settings = new Dictionary<string, string> { ["Database:DataDirectory"] = appData, ["Platform:SeedDemo"] = "true" };
        Console.WriteLine("Host start-up to first healthy answer (embedded PostgreSQL, demo clinic seeded)");
        try
        {
            foreach (var run in new[] { "fresh App_Data", "existing App_Data" })
            {
                var stopwatch = Stopwatch.StartNew();
                await using var host = HostProcess.Start(null, settings);
                await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
                stopwatch.Stop();
                Console.WriteLine($"  {run}: {stopwatch.Elapsed.TotalSeconds:F2} s");
                await host.StopAsync();
            }
        }
        finally
        {
            try { Directory.Delete(appData, recursive: true); } catch (IOException) { }
        }
    }
}
