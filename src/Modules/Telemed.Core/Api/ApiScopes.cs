namespace Telemed.Core.Api;

/// <summary>
/// What a clinic's API key may do. Each scope has an authorization policy (<see cref="Policies"/>), registered by the API
/// module with its key scheme, so a module maps its own API endpoints with <c>.RequireAuthorization(ApiScopes.Policies.Read)</c>
/// without referencing the API module. Scopes do not imply one another: a key holds exactly the ones it was given.
/// </summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Book = "book";
    public const string Manage = "manage";
    public const string Meetings = "meetings";
    public const string Host = "host";

    /// <summary>The claim an API key's principal carries once per scope it holds.</summary>
    public const string ClaimType = "telemed:api-scope";

    public static readonly IReadOnlyList<string> All = [Read, Book, Manage, Meetings, Host];

    /// <summary>The policy names, as constants for <c>.RequireAuthorization(...)</c>.</summary>
    public static class Policies
    {
        public const string Read = "api." + ApiScopes.Read;
        public const string Book = "api." + ApiScopes.Book;
        public const string Manage = "api." + ApiScopes.Manage;
        public const string Meetings = "api." + ApiScopes.Meetings;
        public const string Host = "api." + ApiScopes.Host;
    }

    public static string PolicyFor(string scope) => "api." + scope;

    /// <summary>The scope a policy name stands for, or null when it is not an API scope policy.</summary>
    public static string? ScopeOfPolicy(string policy) =>
        policy.StartsWith("api.", StringComparison.Ordinal) && All.Contains(policy[4..]) ? policy[4..] : null;

    /// <summary>What a scope lets an integration do, in the words the admin reads when choosing them.</summary>
    public static string Describe(string scope) => scope switch
    {
        Read => "Read services, hosts and free times",
        Book => "Book appointments",
        Manage => "Read, reschedule, cancel and complete appointments; read patients",
        Meetings => "Read and change appointments' video meetings (join links)",
        Host => "Get hosts' start links for video meetings",
        _ => scope,
    };
}

/// <summary>Where a clinic's REST API lives, relative to the clinic (after <c>/c/{slug}</c> or on its own host name).</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <summary>Whether a tenant-relative request path is inside the API.</summary>
    public static bool IsApiPath(Microsoft.AspNetCore.Http.PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
