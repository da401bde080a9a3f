using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Telemed.Core.Data.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of ours, run with the machine's initdb/pg_ctl.
/// PostgreSQL refuses to run as root, so as root the cluster runs as the <c>postgres</c> OS user.
/// It listens only on a Unix socket inside its own folder, so clusters never collide on a port.
/// It keeps PostgreSQL's durable defaults (fsync, full-page writes, synchronous commit), so a crash or a
/// power cut loses no committed change. <paramref name="serverSettings"/> are passed to the server as they are
/// (<c>-c name=value</c>); whoever overrides durability there owns saying so.
/// </summary>
public sealed class EmbeddedPostgres(string dataRoot, ILogger logger, int maxConnections = EmbeddedPostgres.MaxConnections,
    IReadOnlyDictionary<string, string>? serverSettings = null)
{
    /// <summary>Connections the product's cluster accepts: a few nodes' pools, their listeners and an operator's psql.</summary>
    public const int MaxConnections = 200;

    private const int SocketPort = 5432;
    private static readonly bool RunningAsRoot = Environment.UserName == "root";

    private bool _startedByUs;

    public string DataDirectory => Path.Combine(dataRoot, "data");
    public string SocketDirectory => Path.Combine(dataRoot, "run");

    /// <summary>A superuser connection string over the cluster's socket.</summary>
    public string SuperuserConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = SocketPort,
        Username = "postgres",
        Database = database,
        Pooling = false,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataRoot);
        Directory.CreateDirectory(SocketDirectory);
        GiveToServiceUser(dataRoot);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Creating PostgreSQL cluster in {Directory}", DataDirectory);
            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            logger.LogInformation("Reusing the PostgreSQL cluster already running in {Directory}", DataDirectory);
            return;
        }

        var options = $"-k {SocketDirectory} -p {SocketPort} -c listen_addresses='' -c max_connections={maxConnections}"
            + string.Concat((serverSettings ?? new Dictionary<string, string>()).Select(setting => $" -c {setting.Key}={setting.Value}"));
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(dataRoot, "postgres.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        _startedByUs = true;
        logger.LogInformation("Started PostgreSQL in {Directory}", DataDirectory);
    }

    public async Task StopAsync()
    {
        if (!_startedByUs)
        {
            return;
        }
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        _startedByUs = false;
        logger.LogInformation("Stopped PostgreSQL in {Directory}", DataDirectory);
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await TryRunAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken);
        return exitCode == 0;
    }

    private async Task RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await TryRunAsync(tool, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = RunningAsRoot ? "runuser" : PostgresTools.Find(tool),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (RunningAsRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", PostgresTools.Find(tool) })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl start leaves the server holding inherited pipes; read until the tool itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, cancellationToken)) is Task<string[]> both
            ? string.Join("\n", both.Result)
            : "";
        return (process.ExitCode, output.Trim());
    }

    private static void GiveToServiceUser(string directory)
    {
        if (!RunningAsRoot)
        {
            return;
        }
        using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
        chown!.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {directory} to the postgres user.");
        }
    }
}
