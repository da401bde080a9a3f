using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Telemed.Testing;

/// <summary>
/// The built host started as a separate operating-system process, for what one process cannot show:
/// two nodes migrating one database, two worker processes sharing a queue, a node killed mid-job.
/// It runs Telemed.Testing.Node: the product's host with the test-only diagnostic job kinds added.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // An interrupted run (Ctrl+C, a timeout's SIGTERM) skips its disposals: no node may outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public Uri BaseAddress { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts the host; with no connection string it runs its own embedded PostgreSQL (set Database:DataDirectory).</summary>
    public static HostProcess Start(string? ownerConnectionString, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.WebProject,
        };
        start.ArgumentList.Add(RepositoryPaths.NodeAssembly);
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings:Postgres"] = ownerConnectionString ?? "",
            ["Recipes:Path"] = RepositoryPaths.Recipes,
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Platform:SeedDemo"] = "false",
            ["RateLimits:AccountPostsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["DataProtection:KeyEncryptionKey"] = TestHost.KeyEncryptionKey,
            ["Sandbox:ControlKey"] = TestHost.SandboxControlKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }
        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        return new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until /health answers 200, or fails with what the process printed.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var limit = timeout ?? Waiting.Generous;
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer 200 on /health within {limit.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Asks the process to stop as Ctrl+C would (SIGTERM), and waits for it.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term!.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout ?? Waiting.Generous);
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>Ends the process at once, as a crash or kill -9 would.</summary>
    public void Kill()
    {
        if (!_disposed && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _disposed = true;
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
