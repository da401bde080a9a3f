using System.Globalization;
using Telemed.Api.RateLimits;
using Telemed.Core.Api;

namespace Telemed.Api.OpenApi;

/// <summary>The introduction at the top of the clinic's API reference (CommonMark), in one place so it is easy to keep true.</summary>
internal static class ApiDocumentText
{
    public static string Description(ApiRateLimitOptions limits)
    {
        var permits = limits.PermitsPerMinute.ToString(CultureInfo.InvariantCulture);
        var window = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        return $$"""
            The clinic's REST API: its services, hosts and free times, and, with the right scopes, its appointments, patients
            and video meetings.

            ## Keys
            A clinic admin creates keys at *Set-up → API keys*. Send one on every call as `Authorization: Bearer tmd_live_…`
            (`tmd_test_…` for a test key). A key belongs to one clinic and works only at this clinic's address; it is shown
            once, can be given a last day and can be revoked at any time (effective on the next call).

            ## Scopes
            A key holds the scopes it was given and no others (none implies another): {{string.Join(", ", ApiScopes.All.Select(s => $"`{s}` ({ApiScopes.Describe(s)})"))}}.
            Each operation says which scope it needs (its security requirement and `x-required-scopes`).

            ## Errors
            Every refusal is an RFC 9457 problem (`application/problem+json`) whose `detail` says what to fix: 401 without a
            usable key, 403 when the key lacks the scope, 400 with `errors` by field for invalid input, 404 for an unknown
            id or address, 429 when the key's budget is spent, 500 with a `traceId` to give the clinic.

            ## Rate limits
            Each key may make {{permits}} requests per {{window}}-second window, counted across all of the clinic's servers.
            Every answer to a keyed call says where the key stands with the IETF `RateLimit-Policy` and `RateLimit` headers
            (`RateLimit-Policy: "per-key";q={{permits}};w={{window}}` and `RateLimit: "per-key";r=<remaining>;t=<seconds until
            the window renews>`). Over the budget the answer is 429 with `Retry-After` in seconds.

            ## Idempotency
            Creating calls (such as `POST /api/v1/appointments`) take an `Idempotency-Key` header: a unique value per
            intended operation (a UUID). Retrying with the same key and the same body replays the first answer instead of
            acting twice, so a timeout can be retried safely.

            ## Lists and paging
            A list answers an object with a `data` array, never a bare array, so paging fields can be added without
            breaking a client; a paged list documents its paging parameters on its operation.

            ## Webhooks
            The clinic can send its events to a URL of yours. Each delivery is signed with the endpoint's secret: an
            HMAC-SHA256 over the delivery's timestamp and its raw body, sent in the delivery's signature header. Recompute
            it, compare in constant time and refuse old timestamps before trusting a delivery.
            """;
    }
}
