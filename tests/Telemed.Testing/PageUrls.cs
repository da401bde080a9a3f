using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>
/// Waits for a page to reach an address. Playwright's WaitForURLAsync also waits for the page's load event, which the
/// Chromium these tests drive sometimes never reports after a navigating click; the URL assertion only polls the address.
/// </summary>
public static class PageUrls
{
    /// <summary>Waits until the page's address matches <paramref name="glob"/> (<c>*</c> and <c>**</c> match anything).</summary>
    public static Task ExpectAsync(IPage page, string glob) => Assertions.Expect(page).ToHaveURLAsync(FromGlob(glob));

    /// <summary>Waits until the page has left every address containing <paramref name="fragment"/>.</summary>
    public static Task ExpectAwayFromAsync(IPage page, string fragment) => Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape(fragment)));

    public static Regex FromGlob(string glob) =>
        new("^" + string.Join(".*", glob.Split('*', StringSplitOptions.None).Select(Regex.Escape)) + "$");
}
