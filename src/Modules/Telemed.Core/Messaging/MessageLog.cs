using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Messaging;

/// <summary>A message as recorded in the clinic's message log.</summary>
public sealed record LoggedMessage(long Id, string Channel, string Recipient, string Subject, string Body, string Status, DateTimeOffset CreatedAt);

/// <summary>
/// The clinic's record of every message sent on its behalf. Until a delivery channel exists for a
/// message, the log is where it lands (password-reset links, for instance).
/// </summary>
public sealed class MessageLog(Database database, TenantContext tenantContext)
{
    public async Task<long> RecordAsync(string channel, string recipient, string subject, string body, string status = "logged", CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO message_log (tenant_id, channel, recipient, subject, body, status)
            VALUES (@tenant, @channel, @recipient, @subject, @body, @status) RETURNING id
            """, connection);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("recipient", recipient);
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("status", status);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<LoggedMessage>> ListAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, channel, recipient, subject, body, status, created_at FROM message_log ORDER BY created_at DESC, id DESC LIMIT @take", connection);
        command.Parameters.AddWithValue("take", take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<LoggedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new LoggedMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return messages;
    }
}
