namespace Telemed.Sandbox.Google.OAuth;

/// <summary>The OAuth scopes the sandbox knows, the short aliases Google expands, and which scopes open the events API.</summary>
public static class GoogleScopes
{
    public const string OpenId = "openid";
    public const string Email = "https://www.googleapis.com/auth/userinfo.email";
    public const string Profile = "https://www.googleapis.com/auth/userinfo.profile";
    public const string Calendar = "https://www.googleapis.com/auth/calendar";
    public const string CalendarReadonly = "https://www.googleapis.com/auth/calendar.readonly";
    public const string CalendarEvents = "https://www.googleapis.com/auth/calendar.events";
    public const string CalendarEventsReadonly = "https://www.googleapis.com/auth/calendar.events.readonly";
    public const string CalendarEventsOwned = "https://www.googleapis.com/auth/calendar.events.owned";
    public const string CalendarEventsOwnedReadonly = "https://www.googleapis.com/auth/calendar.events.owned.readonly";

    private const string GoogleApisPrefix = "https://www.googleapis.com/auth/";

    /// <summary>Scopes that let a token insert, patch, update and delete events on the account's own calendar.</summary>
    public static readonly IReadOnlyList<string> WriteEvents = [Calendar, CalendarEvents, CalendarEventsOwned];

    /// <summary>Scopes that let a token get and list those events.</summary>
    public static readonly IReadOnlyList<string> ReadEvents =
        [Calendar, CalendarEvents, CalendarEventsOwned, CalendarReadonly, CalendarEventsReadonly, CalendarEventsOwnedReadonly];

    /// <summary>Splits a scope parameter, expands "email" and "profile" as Google does in what it grants, and drops repeats (order kept).</summary>
    public static IReadOnlyList<string> Parse(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s switch { "email" => Email, "profile" => Profile, _ => s })
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes.Distinct(StringComparer.Ordinal));

    public static bool IsKnown(string scope) =>
        scope == OpenId || (scope.StartsWith(GoogleApisPrefix, StringComparison.Ordinal) && scope.Length > GoogleApisPrefix.Length);

    /// <summary>Sign-in scopes: always granted with the rest, never offered as a tick box.</summary>
    public static bool IsIdentity(string scope) => scope is OpenId or Email or Profile;

    public static string Describe(string scope) => scope switch
    {
        OpenId => "Associate you with your personal info on Google",
        Email => "See your primary e-mail address",
        Profile => "See your name and profile picture",
        Calendar => "See, change and delete all your calendars",
        CalendarReadonly => "See all your calendars",
        CalendarEvents => "See, create, change and delete events on your calendars",
        CalendarEventsReadonly => "See events on your calendars",
        CalendarEventsOwned => "See, create, change and delete events on calendars you own",
        CalendarEventsOwnedReadonly => "See events on calendars you own",
        _ => scope,
    };
}
