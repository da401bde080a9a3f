using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Telemed.Core.Data;

/// <summary>
/// One LISTEN connection per node. Modules subscribe to a channel (job queue wake-ups, tenant
/// registry changes, booking changes) whenever they start, before or after the connection is up: a channel subscribed
/// to later is LISTENed on the live connection at once. After a failure the connection reconnects, LISTENs to every
/// channel again and wakes every subscriber with an empty notification, since notifications sent meanwhile are lost.
/// </summary>
public sealed class PostgresNotifications(Database database, ILogger<PostgresNotifications> logger) : BackgroundService
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestReconnectDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the listener waits for a notification before checking its connection with a query. A wait can miss a
    /// connection that died under it (its backend killed, say); the check makes such a loss seen within this time.
    /// </summary>
    private static readonly TimeSpan ConnectionCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// This node's own channel. The listener waits inside Npgsql and cannot be interrupted to send a command, so
    /// a new subscription NOTIFYs here: the wait returns and the listener LISTENs to the new channel.
    /// </summary>
    private readonly string _controlChannel = $"telemed_listener_{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, List<Action<string>>> _handlers = new();
    private readonly ConcurrentDictionary<string, byte> _listening = new();
    private volatile int _listenerProcessId;

    /// <summary>The PostgreSQL backend process of the live listener connection, or null while it is down.</summary>
    public int? ListenerProcessId => _listenerProcessId == 0 ? null : _listenerProcessId;

    /// <summary>
    /// Whether the live connection is LISTENing on the channel, so a NOTIFY sent now reaches this node. It turns true only
    /// after the channel's subscribers heard the empty notification that follows each (re)connection.
    /// </summary>
    public bool IsListening(string channel) => _listening.ContainsKey(channel);

    public void Subscribe(string channel, Action<string> handler)
    {
        var handlers = _handlers.GetOrAdd(channel, _ => []);
        bool first;
        lock (handlers)
        {
            first = handlers.Count == 0;
            handlers.Add(handler);
        }
        if (first)
        {
            _ = InterruptListenerAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnectDelay = FirstReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.App.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                await ListenAsync(connection, _controlChannel, stoppingToken);
                await ListenToNewChannelsAsync(connection, stoppingToken);
                _listenerProcessId = connection.ProcessID;
                reconnectDelay = FirstReconnectDelay;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(ConnectionCheckInterval, stoppingToken))
                    {
                        await using var check = new NpgsqlCommand("SELECT 1", connection);
                        await check.ExecuteScalarAsync(stoppingToken);
                    }
                    await ListenToNewChannelsAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The notification listener lost its connection; reconnecting in {Delay}", reconnectDelay);
                await Task.Delay(reconnectDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, LongestReconnectDelay.Ticks));
            }
            finally
            {
                _listenerProcessId = 0;
                _listening.Clear();
            }
        }
    }

    private async Task ListenToNewChannelsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var channel in _handlers.Keys.Where(c => !_listening.ContainsKey(c)))
        {
            await ListenAsync(connection, channel, cancellationToken);
            // Notifications sent before the LISTEN (or while the connection was down) are lost: the subscribers hear an
            // empty one, meaning "anything may have changed", before the channel counts as listened to.
            Dispatch(channel, "");
            _listening[channel] = 0;
        }
    }

    private static async Task ListenAsync(NpgsqlConnection connection, string channel, CancellationToken cancellationToken)
    {
        await using var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"")}\"", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Best effort: while the listener is down it LISTENs to every channel when it reconnects anyway.</summary>
    private async Task InterruptListenerAsync()
    {
        try
        {
            await using var connection = await database.App.OpenConnectionAsync();
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, '')", connection);
            notify.Parameters.AddWithValue("channel", _controlChannel);
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Could not interrupt the notification listener for a new channel");
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
