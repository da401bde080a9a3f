using Microsoft.EntityFrameworkCore;
using Telemed.Api.Data;
using Telemed.Api.Models;

namespace Telemed.Api.Services;

/// <summary>A new key and its secret, which exists only in this answer.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>The clinic's API keys: create (returning the secret once), list, find by secret, note use, revoke.</summary>
public sealed class ApiKeyStore(ApiDb db, TimeProvider clock)
{
    /// <summary>Last-used times are kept to the minute: a key used all day costs one write a minute, not one per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<CreatedApiKey> CreateAsync(string name, string mode, IReadOnlyCollection<string> scopes, DateTimeOffset? expiresAt,
        Guid? createdBy, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.Create(mode);
        var key = new ApiKey
        {
            Name = name,
            Mode = secret.Mode,
            Prefix = secret.VisiblePrefix,
            KeyHash = secret.Hash(),
            Scopes = [.. scopes],
            CreatedAt = Now,
            CreatedByUserId = createdBy,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        db.Keys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key, secret.Text);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.Keys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The current clinic's key with this secret (row-level security hides every other clinic's keys).</summary>
    public Task<ApiKey?> FindAsync(ApiKeySecret secret, CancellationToken cancellationToken)
    {
        var hash = secret.Hash();
        return db.Keys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
    }

    /// <summary>
    /// Records that the key was used now, unless that was recorded less than <see cref="LastUsedResolution"/> ago. The
    /// condition is repeated in the update, so nodes answering the same key at once write it once.
    /// </summary>
    public async Task NoteUseAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var now = Now;
        var staleBefore = now - LastUsedResolution;
        if (key.LastUsedAt is { } last && last > staleBefore)
        {
            return;
        }
        await db.Keys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    /// <summary>Revokes the key for good; false when the clinic has no such key or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(Guid id, Guid? revokedBy, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.Keys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.RevokedByUserId, revokedBy), cancellationToken) == 1;
    }
}
