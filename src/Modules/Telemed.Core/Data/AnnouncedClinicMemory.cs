using System.Collections.Concurrent;

namespace Telemed.Core.Data;

/// <summary>
/// What a node keeps in memory per clinic, for data whose every change the database announces on a channel (the payload
/// is the clinic's id; a trigger or the writing statement sends it, so it goes out when the change commits). A clinic's
/// entry is dropped when its announcement arrives, and every entry when the listener (re)connects, since announcements
/// sent meanwhile are lost. Readers take the entry first and fill it after reading, so a read that raced a change fills
/// an entry already dropped.
/// </summary>
public class AnnouncedClinicMemory<TEntry> where TEntry : class
{
    private readonly ConcurrentDictionary<Guid, TEntry> _byClinic = new();
    private readonly PostgresNotifications _notifications;
    private readonly string _channel;
    private readonly Func<TEntry> _create;

    protected AnnouncedClinicMemory(PostgresNotifications notifications, string channel, Func<TEntry> create)
    {
        _notifications = notifications;
        _channel = channel;
        _create = create;
        notifications.Subscribe(channel, Forget);
    }

    /// <summary>
    /// Whether memory may be served without asking the database: only while this node hears every announcement. Take it
    /// before reading: only what was read while it held may be kept.
    /// </summary>
    public bool Trusted => _notifications.IsListening(_channel);

    /// <summary>The clinic's entry as it stands.</summary>
    public TEntry For(Guid clinicId) => _byClinic.GetOrAdd(clinicId, _ => _create());

    /// <summary>Drops one clinic's entry (a change saved on this node, before the database's announcement of it arrives).</summary>
    public void Forget(Guid clinicId) => _byClinic.TryRemove(clinicId, out _);

    /// <summary>The clinics with an entry.</summary>
    public int Count => _byClinic.Count;

    private void Forget(string clinic)
    {
        if (Guid.TryParse(clinic, out var clinicId))
        {
            Forget(clinicId);
        }
        else
        {
            _byClinic.Clear();
        }
    }
}

/// <summary>One value remembered for a clinic.</summary>
public sealed class Remembered<T> where T : class
{
    private T? _value;

    public T? Value
    {
        get => Volatile.Read(ref _value);
        set => Volatile.Write(ref _value, value);
    }
}
