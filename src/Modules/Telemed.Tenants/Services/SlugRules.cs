using System.Text.RegularExpressions;

namespace Telemed.Tenants.Services;

/// <summary>What a clinic's address (<c>/c/{slug}</c>) may be.</summary>
public static partial class SlugRules
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    /// <summary>Words that name parts of the product or could mislead patients.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "app", "assets", "c", "css", "error", "health", "help", "js", "lib", "login", "logout",
        "platform", "portal", "sandbox", "signup", "static", "status", "support", "system", "telemed", "www",
    };

    /// <summary>Returns why the slug cannot be used, or null when it can.</summary>
    public static string? Problem(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return "Choose a web address for the clinic.";
        }
        if (slug.Length < MinLength || slug.Length > MaxLength)
        {
            return $"Use {MinLength} to {MaxLength} characters.";
        }
        if (!Pattern().IsMatch(slug))
        {
            return "Use lowercase letters, digits and single hyphens only, starting and ending with a letter or digit.";
        }
        return Reserved.Contains(slug) ? $"'{slug}' is reserved; choose another address." : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex Pattern();
}
