using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>Signs a browser page in through a clinic's (or the platform's) login form, as a person would.</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string pathBase, string email, string password)
    {
        await page.GotoAsync($"{pathBase}/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageUrls.ExpectAwayFromAsync(page, "/login");
    }
}
