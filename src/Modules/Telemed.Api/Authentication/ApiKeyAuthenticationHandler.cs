using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Api.Data;
using Telemed.Api.Models;
using Telemed.Api.RateLimits;
using Telemed.Api.Services;
using Telemed.Core.Api;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Authentication;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    /// <summary>The claim saying whether the key is a live or a test key.</summary>
    public const string ModeClaim = "telemed:api-key-mode";
}

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// <c>Authorization: Bearer tmd_...</c> under the clinic's <c>/api/v1</c>. The key is looked up inside the clinic the
/// request was resolved to, so another clinic's key is simply unknown here. Challenges and refusals answer with problem
/// details that say what to fix, never which clinic a key belongs to.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, TenantContext tenantContext, ApiKeyStore keys,
    ApiRateLimiter rateLimiter, ApiDb db)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiRoutes.IsApiPath(Request.Path) || tenantContext.Tenant is not { IsPlatform: false } tenant)
        {
            return AuthenticateResult.NoResult();
        }
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Send the API key as 'Authorization: Bearer tmd_live_...'.");
        }
        if (!ApiKeySecret.TryRead(header[BearerPrefix.Length..].Trim(), out var secret))
        {
            return AuthenticateResult.Fail("This is not an API key: keys start with 'tmd_live_' or 'tmd_test_' followed by 43 characters.");
        }
        // The lookup, the note of its use and the count share one connection, so the clinic's row-level security is set once.
        await db.Database.OpenConnectionAsync(Context.RequestAborted);
        try
        {
            return await AuthenticateAsync(secret, tenant);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<AuthenticateResult> AuthenticateAsync(ApiKeySecret secret, Tenant tenant)
    {
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("This API key is not recognised by this clinic.");
        }
        if (key.IsRevoked)
        {
            return AuthenticateResult.Fail("This API key has been revoked. Ask the clinic's admin for a new one.");
        }
        if (key.IsExpiredAt(keys.Now))
        {
            return AuthenticateResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"This API key expired at {key.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}. Ask the clinic's admin for a new one."));
        }

        await keys.NoteUseAsync(key, Context.RequestAborted);
        await CountAsync(key);
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(key, tenant), Scheme.Name));
    }

    /// <summary>
    /// Every request a key authenticates draws on its budget, whatever it is then allowed to do; the answer says where the
    /// key stands. Over the budget, the scope policies' <see cref="ApiRateLimitRequirement"/> refuses it (429, below).
    /// </summary>
    private async Task CountAsync(ApiKey key)
    {
        var decision = await rateLimiter.CountAsync(key.Id, Context.RequestAborted);
        Context.Features.Set(decision);
        var response = Response;
        response.OnStarting(() =>
        {
            decision.WriteHeaders(response);
            return Task.CompletedTask;
        });
    }

    private ClaimsPrincipal Principal(ApiKey key, Tenant tenant)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(TelemedClaims.TenantId, tenant.Id.ToString()),
            new(ApiKeyDefaults.ModeClaim, key.Mode),
        };
        claims.AddRange(key.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        // RFC 6750: a missing credential gets the bare scheme, a refused one says why.
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{failure.Replace("\"", "'", StringComparison.Ordinal)}\"";
        await TypedResults.Problem(
            failure ?? "This endpoint needs an API key: send 'Authorization: Bearer tmd_live_...' with a key the clinic's admin created.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: failure is null ? "API key required" : "API key not accepted").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<ApiRateLimitDecision>() is { Exceeded: true } limit)
        {
            await TypedResults.Problem(
                string.Create(CultureInfo.InvariantCulture,
                    $"This API key may make {limit.Limit} requests per {limit.WindowSeconds} seconds and has made them all. Retry after {limit.ResetSeconds} seconds (the Retry-After header)."),
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(Context);
            return;
        }
        var needed = (Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
            .Select(a => a.Policy is null ? null : ApiScopes.ScopeOfPolicy(a.Policy))
            .OfType<string>()
            .Where(scope => !Context.User.HasClaim(ApiScopes.ClaimType, scope))
            .Distinct()
            .ToList();
        var detail = needed.Count == 0
            ? "This API key may not do this."
            : $"This API key lacks the {string.Join(", ", needed.Select(s => $"'{s}'"))} scope this endpoint needs. The clinic's admin can create a key with it.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Scope missing").ExecuteAsync(Context);
    }
}
