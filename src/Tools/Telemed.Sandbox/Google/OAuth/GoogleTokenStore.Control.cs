using Telemed.Sandbox.Google.Accounts;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>What the control endpoints do to an account's grants: end them as the user would, expire or age them, and show them.</summary>
public sealed partial class GoogleTokenStore
{
    /// <summary>The user removed the client's access in their Google account: every grant of the account ends.</summary>
    public bool RevokeAll(GoogleAccount account)
    {
        lock (_gate)
        {
            var live = _grants.Where(g => g.Account.Id == account.Id && !g.Revoked).ToList();
            live.ForEach(g => g.Revoked = true);
            return live.Count > 0;
        }
    }

    /// <summary>Makes the account's live access tokens expire now, so the next API call gets 401.</summary>
    public int ExpireAccessTokens(GoogleAccount account)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var live = _accessTokens.Values.Where(t => t.Grant.Account.Id == account.Id && t.ExpiresAt > now).ToList();
            live.ForEach(t => t.ExpiresAt = now);
            return live.Count;
        }
    }

    /// <summary>Moves the account's grants and tokens back in time, as if <paramref name="by"/> had passed since they were issued.</summary>
    public int Age(GoogleAccount account, TimeSpan by)
    {
        lock (_gate)
        {
            var grants = _grants.Where(g => g.Account.Id == account.Id).ToList();
            foreach (var grant in grants)
            {
                grant.IssuedAt -= by;
                foreach (var access in grant.AccessTokens)
                {
                    access.IssuedAt -= by;
                    access.ExpiresAt -= by;
                }
            }

            return grants.Count;
        }
    }

    public GoogleTokenStats StatsFor(GoogleAccount account)
    {
        lock (_gate)
        {
            return StatsOf(account).Copy();
        }
    }

    public IReadOnlyList<GoogleGrantView> GrantsOf(GoogleAccount account, bool withTokens)
    {
        lock (_gate)
        {
            var (now, testing) = (clock.GetUtcNow(), app.Current.IsTesting);
            return _grants.Where(g => g.Account.Id == account.Id)
                .Select(g => g.ToView(now, testing, _options.TestingRefreshTokenLifetime, withTokens))
                .ToArray();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _grants.Clear();
            _byRefreshToken.Clear();
            _accessTokens.Clear();
            _stats.Clear();
        }
    }
}
