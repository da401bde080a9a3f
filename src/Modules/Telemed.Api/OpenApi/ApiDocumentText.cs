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
            `POST /api/v1/appointments` takes an `Idempotency-Key` header (1 to 255 characters, a UUID per intended booking).
            The key is kept with the appointment it booked: repeating the request with the same key and body (a retry after a
            timeout, or copies sent at once) answers 201 with that appointment and `Idempotent-Replayed: true`, and books
            nothing more. The same key with a different body is refused with 422.

            ## Lists and paging
            A list answers an object with a `data` array, never a bare array. Paged lists (`/appointments`, `/patients`)
            take `limit` (1 to 100, default 50) and answer `nextCursor`: pass it back as `cursor` for the next page; it is
            null on the last. Pages follow a stable order (start time, then id), so bookings made meanwhile never make a
            page repeat or skip an entry.

            ## Webhooks
            A clinic admin can send the clinic's events (`appointment.booked`, `appointment.rescheduled`, `appointment.cancelled`,
            `meeting.created`, ...) to a URL of yours at *Set-up → Webhooks*. Each is a JSON POST with
            `Telemed-Webhook-Id` (the event's id, the same on every retry: drop duplicates by it), `Telemed-Webhook-Timestamp`
            (Unix seconds) and `Telemed-Webhook-Signature: v1=<hex>`, the HMAC-SHA256 keyed with the endpoint's secret
            (`whsec_…`) of `"{timestamp}.{raw body}"`. Recompute it over the raw body, compare in constant time and refuse
            timestamps more than five minutes old. Answer 2xx within 10 seconds; anything else is retried with backoff.
            """;
    }
}
