using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.GoogleMeet.BrowserTests.Infrastructure;
using Telemed.GoogleMeet.Services;
using static Microsoft.Playwright.Assertions;
using static Telemed.GoogleMeet.BrowserTests.Infrastructure.PageSteps;

namespace Telemed.GoogleMeet.BrowserTests;

/// <summary>The clinic admin's Google Meet settings page, on a phone and on a desktop, with nothing blocked by the page policies.</summary>
public sealed class GoogleMeetSettingsPageShould(MeetClinicAndBrowser fixture) : IClassFixture<MeetClinicAndBrowser>
{
    private const string MissingClientId = "Enter the Client ID of the clinic's Google OAuth client.";

    private MeetClinic Clinic => fixture.Clinic;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task ShowAMissingClientIdBesideItsFieldWithEveryControlLabelled(int width, int height)
    {
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, Clinic, MeetClinic.AdminEmail, "/admin");
            await page.GotoAsync($"{Clinic.PathBase}/admin/google-meet");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Google Meet", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("redirect-uri")).ToHaveTextAsync(new Regex(Regex.Escape($"{Clinic.PathBase}/google/callback") + "$"));
            await ExpectEveryControlNamedAsync(page);
            await ExpectNoSidewaysScrollAsync(page);

            var ownClient = page.GetByLabel("Use the clinic's own Google OAuth client");
            var clientId = page.GetByLabel("Client ID", new() { Exact = true });
            var error = page.Locator("#client-id-error");
            await Expect(error).ToBeEmptyAsync();
            await ownClient.CheckAsync();
            await clientId.FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save Google Meet settings" }).ClickAsync();

            await Expect(error).ToHaveTextAsync(MissingClientId);
            await Expect(clientId).ToHaveAccessibleDescriptionAsync(MissingClientId);
            await Expect(ownClient).ToBeCheckedAsync();
            await ExpectDirectlyBelowAsync(error, clientId);
            await ExpectEveryControlNamedAsync(page);
            await ExpectNoSidewaysScrollAsync(page);
        });

        // Nothing was saved: hosts still connect through the platform's app.
        var settings = await Clinic.InClinicAsync(services => services.GetRequiredService<GoogleMeetSettingsStore>().GetAsync());
        Assert.False(settings.UseOwnApp);
        Assert.Null(settings.ClientId);
    }

    /// <summary>The message starts where its field does, just under it, so it reads as the field's own.</summary>
    private static async Task ExpectDirectlyBelowAsync(ILocator message, ILocator field)
    {
        var fieldBox = (await field.BoundingBoxAsync())!;
        var messageBox = (await message.BoundingBoxAsync())!;
        Assert.InRange(messageBox.Y - (fieldBox.Y + fieldBox.Height), 0, 24);
        Assert.InRange(Math.Abs(messageBox.X - fieldBox.X), 0, 1);
    }
}
