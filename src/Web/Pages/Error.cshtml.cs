using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Telemed.Web.Pages;

/// <summary>
/// The page every error status and unhandled exception is shown with (re-executed here by the pipeline). It says what the
/// visitor can do and nothing about why inside: no exception, path or server detail reaches it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public ErrorPageText Text { get; private set; } = ErrorPageText.For(500);

    // Every method: a failed POST is re-executed here as a POST. The code is read from the route, not model-bound: when the
    // failed request's form is what failed (an unreadable body), binding gives up on every parameter and a 400 became a 500.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 500;
        Code = code is >= 400 and <= 599 ? code : 500;
        Text = ErrorPageText.For(Code);
        Response.StatusCode = Code;
    }
}

/// <summary>What the error page says for a status code, in the visitor's terms.</summary>
public sealed record ErrorPageText(string Title, string Message)
{
    public static ErrorPageText For(int code) => code switch
    {
        400 => new("We could not read that request", "Something in the link or the form did not come through as expected. Go back and try again."),
        401 or 403 => new("Access denied", "This page is not open to you. If you think it should be, sign in with another account or ask the clinic."),
        404 => new("Page not found", "We could not find that page. Check the address, or start again from the clinic's home page."),
        429 => new("Too many requests", "Too many requests from your connection. Please wait a minute and try again."),
        503 => new("Temporarily unavailable", "This service is briefly unavailable. Your appointments and details are safe; please try again in a few minutes."),
        _ => new("Something went wrong", "The page could not be shown. Nothing you entered has been lost; please try again in a moment."),
    };
}
