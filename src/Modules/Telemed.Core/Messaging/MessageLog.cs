using System.Data.Common;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Messaging;

/// <summary>A message as recorded in the clinic's message log.</summary>
public sealed record LoggedMessage(long Id, string Channel, string Recipient, string Subject, string Body, string Status, DateTimeOffset CreatedAt)
{
    public string? HtmlBody { get; init; }
    public string? Attachment { get; init; }
    public string? Template { get; init; }
    public Guid? AppointmentId { get; init; }
    public int Attempts { get; init; }
    public string? ProviderAnswer { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A message to record and deliver: <see cref="Body"/> is the text (or SMS) part; e-mails may add HTML and an ICS attachment.</summary>
public sealed record OutgoingMessage(string Channel, string Recipient, string Subject, string Body)
{
    public string? HtmlBody { get; init; }
    public string? Attachment { get; init; }
    public string? Template { get; init; }
    public Guid? AppointmentId { get; init; }

    /// <summary>
    /// When set, a second message with the same key is not recorded or sent again (a workflow step that ran twice
    /// after a crash, say); <see cref="MessageLog.RecordAsync(OutgoingMessage, string, CancellationToken)"/> returns the first one's id.
    /// </summary>
    public string? DedupeKey { get; init; }
}

/// <summary>What a search of the log asks for; empty fields match everything.</summary>
public sealed record MessageSearch(string? Text = null, string? Channel = null, string? Status = null, int Take = 100);

/// <summary>
/// Delivers recorded messages (provided by the notifications module). Without one, the log is where a message lands.
/// </summary>
public interface IMessageDelivery
{
    /// <summary>Queues delivery of a recorded message, in the caller's transaction when one is given.</summary>
    Task QueueAsync(long messageId, DbConnection? connection, DbTransaction? transaction, CancellationToken cancellationToken);
}

/// <summary>The clinic's record of every message sent on its behalf, and the start of its delivery.</summary>
public sealed class MessageLog(Database database, TenantContext tenantContext, IEnumerable<IMessageDelivery> deliveries)
{
    private const string Columns = "id, channel, recipient, subject, body, status, created_at, html_body, attachment, template, appointment_id, attempts, provider_answer, updated_at";

    public bool Delivers => deliveries.Any();

    public Task<long> RecordAsync(string channel, string recipient, string subject, string body, string status = "logged", CancellationToken cancellationToken = default) =>
        RecordAsync(new OutgoingMessage(channel, recipient, subject, body), status, cancellationToken);

    /// <summary>Records a message and, when a delivery is installed and the status is the default, queues it ("queued").</summary>
    public async Task<long> RecordAsync(OutgoingMessage message, string status = "logged", CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var delivery = status == "logged" ? deliveries.FirstOrDefault() : null;
        await using var command = new NpgsqlCommand("""
            INSERT INTO message_log (tenant_id, channel, recipient, subject, body, status, html_body, attachment, template, appointment_id, dedupe_key)
            VALUES (@tenant, @channel, @recipient, @subject, @body, @status, @html, @attachment, @template, @appointment, @dedupe)
            ON CONFLICT (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        command.Parameters.AddWithValue("channel", message.Channel);
        command.Parameters.AddWithValue("recipient", message.Recipient);
        command.Parameters.AddWithValue("subject", message.Subject);
        command.Parameters.AddWithValue("body", message.Body);
        command.Parameters.AddWithValue("status", delivery is null ? status : "queued");
        command.Parameters.AddWithValue("html", (object?)message.HtmlBody ?? DBNull.Value);
        command.Parameters.AddWithValue("attachment", (object?)message.Attachment ?? DBNull.Value);
        command.Parameters.AddWithValue("template", (object?)message.Template ?? DBNull.Value);
        command.Parameters.AddWithValue("appointment", (object?)message.AppointmentId ?? DBNull.Value);
        command.Parameters.AddWithValue("dedupe", (object?)message.DedupeKey ?? DBNull.Value);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            // Recorded (and queued) before: the same message is not sent twice.
            await using var existing = new NpgsqlCommand("SELECT id FROM message_log WHERE tenant_id = @tenant AND dedupe_key = @dedupe", connection, transaction);
            existing.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
            existing.Parameters.AddWithValue("dedupe", message.DedupeKey!);
            return (long)(await existing.ExecuteScalarAsync(cancellationToken))!;
        }
        if (delivery is not null)
        {
            await delivery.QueueAsync(id, connection, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public Task<IReadOnlyList<LoggedMessage>> ListAsync(int take = 100, CancellationToken cancellationToken = default) =>
        SearchAsync(new MessageSearch(Take: take), cancellationToken);

    /// <summary>Newest first; the text matches recipient, subject and body.</summary>
    public async Task<IReadOnlyList<LoggedMessage>> SearchAsync(MessageSearch search, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM message_log
            WHERE (@text = '' OR recipient ILIKE @like OR subject ILIKE @like OR body ILIKE @like OR template ILIKE @like)
              AND (@channel = '' OR channel = @channel) AND (@status = '' OR status = @status)
            ORDER BY created_at DESC, id DESC LIMIT @take
            """, connection);
        var text = search.Text?.Trim() ?? "";
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddWithValue("like", "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        command.Parameters.AddWithValue("channel", search.Channel ?? "");
        command.Parameters.AddWithValue("status", search.Status ?? "");
        command.Parameters.AddWithValue("take", Math.Clamp(search.Take, 1, 1000));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>How many messages were last changed to <paramref name="status"/> since <paramref name="since"/>.</summary>
    public async Task<int> CountAsync(string status, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM message_log WHERE status = @status AND updated_at >= @since", connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("since", since);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<LoggedMessage?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM message_log WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Records the outcome of one delivery attempt.</summary>
    public async Task UpdateDeliveryAsync(long id, string status, string? providerAnswer, bool countAttempt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE message_log SET status = @status, provider_answer = @answer, attempts = attempts + @count, updated_at = now() WHERE id = @id
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("answer", (object?)providerAnswer ?? DBNull.Value);
        command.Parameters.AddWithValue("count", countAttempt ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<LoggedMessage>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<LoggedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new LoggedMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6))
            {
                HtmlBody = reader.IsDBNull(7) ? null : reader.GetString(7),
                Attachment = reader.IsDBNull(8) ? null : reader.GetString(8),
                Template = reader.IsDBNull(9) ? null : reader.GetString(9),
                AppointmentId = reader.IsDBNull(10) ? null : reader.GetGuid(10),
                Attempts = reader.GetInt32(11),
                ProviderAnswer = reader.IsDBNull(12) ? null : reader.GetString(12),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(13),
            });
        }
        return messages;
    }
}
