using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Telemed.Core.Data;

/// <summary>
/// One LISTEN connection per node. Modules subscribe to a channel (job queue wake-ups, tenant
/// registry changes); the connection reconnects after a failure and wakes everyone when it does,
/// since notifications sent meanwhile are lost.
/// </summary>
public sealed class PostgresNotifications(Database database, ILogger<PostgresNotifications> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, List<Action<string>>> _handlers = new();

    public void Subscribe(string channel, Action<string> handler)
    {
        var handlers = _handlers.GetOrAdd(channel, _ => []);
        lock (handlers)
        {
            handlers.Add(handler);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.App.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                foreach (var channel in _handlers.Keys)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                DispatchAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The notification listener lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void DispatchAll()
    {
        foreach (var channel in _handlers.Keys)
        {
            Dispatch(channel, "");
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (!_handlers.TryGetValue(channel, out var handlers))
        {
            return;
        }
        Action<string>[] snapshot;
        lock (handlers)
        {
            snapshot = [.. handlers];
        }
        foreach (var handler in snapshot)
        {
            try { handler(payload); }
            catch (Exception exception) { logger.LogError(exception, "A handler of notification channel {Channel} failed", channel); }
        }
    }
}
