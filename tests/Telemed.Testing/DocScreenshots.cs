using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>
/// Pictures of the pages for the README: written to docs/screenshots when UPDATE_SCREENSHOTS=1, otherwise to the test's
/// output folder, so ordinary runs leave the checkout alone but still draw (and so check) them.
/// </summary>
public static class DocScreenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
