using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>The sandbox's consent screen: pick the consenting Zoom user, then Allow or Deny. Plain, accessible HTML.</summary>
internal static class ZoomConsentPage
{
    public static IResult Consent(string nonce, AuthorizationRequest request, string scopes, IEnumerable<string> knownUsers, string? suggestedUser, string? error = null)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append($"""
            <h1>Allow the app to use your Zoom account?</h1>
            <p>The application <strong>{e.Encode(request.ClientId)}</strong> asks to act on your behalf in the Zoom sandbox.</p>
            """);
        if (error is not null)
        {
            html.Append($"""<p class="alert" role="alert" id="user-error">{e.Encode(error)}</p>""");
        }

        html.Append("<p>It will be able to:</p><ul>");
        foreach (var scope in scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append($"<li><code>{e.Encode(scope)}</code></li>");
        }

        html.Append($"""
            </ul>
            <form method="post" action="authorize">
              <input type="hidden" name="nonce" value="{e.Encode(nonce)}">
              <label for="user">Sign in as (sandbox Zoom user e-mail)</label>
              <input id="user" name="user" type="email" required list="known-users" autocomplete="email"
                     value="{e.Encode(suggestedUser ?? "")}" aria-describedby="user-hint"{(error is null ? "" : " aria-invalid=\"true\"")}>
              <p class="hint" id="user-hint">Any e-mail works: an unknown one creates a new sandbox user.</p>
              <datalist id="known-users">
            """);
        foreach (var user in knownUsers)
        {
            html.Append($"""<option value="{e.Encode(user)}"></option>""");
        }

        html.Append("""
              </datalist>
              <div class="actions">
                <button type="submit" name="decision" value="deny" class="btn-secondary">Deny</button>
                <button type="submit" name="decision" value="allow" class="btn-primary">Allow</button>
              </div>
            </form>
            """);
        return Page("Authorize app - Zoom sandbox", html.ToString(), error is null ? 200 : 400);
    }

    public static IResult Error(string message) =>
        Page("Authorization error - Zoom sandbox",
            $"""<h1>Something went wrong</h1><p class="alert" role="alert">{HtmlEncoder.Default.Encode(message)}</p>""", 400);

    private static IResult Page(string title, string body, int status) => SandboxHtmlPage.Render(title, body, status, ZoomSandboxStylesheet.Href);
}
