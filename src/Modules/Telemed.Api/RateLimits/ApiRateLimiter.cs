using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Api.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Api.RateLimits;

/// <summary>Where a key stands in its current window after this request was counted.</summary>
public sealed record ApiRateLimitDecision(int Limit, int WindowSeconds, int Count, int ResetSeconds)
{
    public const string PolicyName = "per-key";

    public bool Exceeded => Count > Limit;

    public int Remaining => Math.Max(0, Limit - Count);

    /// <summary>The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers, structured-field form) and, when over, Retry-After.</summary>
    public void WriteHeaders(HttpResponse response)
    {
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={Limit};w={WindowSeconds}");
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={Remaining};t={ResetSeconds}");
        if (Exceeded)
        {
            response.Headers.RetryAfter = ResetSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// Counts each API key's requests per fixed window in PostgreSQL, so every node serving the clinic draws on one budget
/// (a per-node counter in memory would allow as many budgets as there are nodes). One statement per request; the window
/// is read from the database's clock, the one clock all nodes share.
/// </summary>
public sealed class ApiRateLimiter(ApiDb db, TenantContext tenantContext, IOptions<ApiRateLimitOptions> options)
{
    private const string CountSql = """
        INSERT INTO api_rate_windows AS w (tenant_id, key_id, window_start, count)
        VALUES (@tenant, @key, date_bin(@window, now(), timestamptz '2000-01-01 00:00:00+00'), 1)
        ON CONFLICT (tenant_id, key_id, window_start) DO UPDATE SET count = w.count + 1
        RETURNING w.count, w.window_start, ceil(extract(epoch FROM w.window_start + @window - now()))::int
        """;

    /// <summary>Once per key and window, on its first request: the key's ended windows can no longer be counted into.</summary>
    private const string ForgetSql = "DELETE FROM api_rate_windows WHERE tenant_id = @tenant AND key_id = @key AND window_start < @start";

    public async Task<ApiRateLimitDecision> CountAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var tenant = tenantContext.Required.Id;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            int count, reset;
            DateTime start;
            await using (var command = new NpgsqlCommand(CountSql, connection))
            {
                command.Parameters.AddWithValue("tenant", tenant);
                command.Parameters.AddWithValue("key", keyId);
                command.Parameters.AddWithValue("window", limits.Window);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (count, start, reset) = (reader.GetInt32(0), reader.GetDateTime(1), reader.GetInt32(2));
            }
            if (count == 1)
            {
                await using var forget = new NpgsqlCommand(ForgetSql, connection);
                forget.Parameters.AddWithValue("tenant", tenant);
                forget.Parameters.AddWithValue("key", keyId);
                forget.Parameters.AddWithValue("start", start);
                await forget.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ApiRateLimitDecision(limits.PermitsPerMinute, limits.WindowSeconds, count, Math.Clamp(reset, 1, limits.WindowSeconds));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
