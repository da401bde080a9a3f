using System.Security.Cryptography;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>Keeps validated authorization requests behind single-use nonces while their consent page is open.</summary>
internal sealed class GoogleConsentNonces(TimeProvider clock)
{
    private static readonly TimeSpan ConsentLifetime = TimeSpan.FromMinutes(10);

    private readonly object _gate = new();
    private readonly Dictionary<string, (GoogleAuthorizationRequest Request, DateTimeOffset ExpiresAt)> _pending = new(StringComparer.Ordinal);

    /// <summary>Keeps the request and returns the nonce the consent form posts back.</summary>
    public string Begin(GoogleAuthorizationRequest request)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var stale in _pending.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                _pending.Remove(stale);
            }

            _pending[nonce] = (request, now + ConsentLifetime);
        }

        return nonce;
    }

    /// <summary>The request behind the nonce, once: null when unknown, expired or already answered.</summary>
    public GoogleAuthorizationRequest? Complete(string nonce)
    {
        lock (_gate)
        {
            return _pending.Remove(nonce, out var consent) && consent.ExpiresAt > clock.GetUtcNow() ? consent.Request : null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }
}
