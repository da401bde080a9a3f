using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// The sandbox's Google consent screen: choose the account by e-mail, tick or untick each requested scope (sign-in
/// scopes are always shared), then Allow or Deny. Plain, accessible HTML.
/// </summary>
internal static class GoogleConsentPage
{
    private static readonly HtmlEncoder Html = SandboxHtmlPage.Encoder;

    // The page lives at {base}/o/oauth2/v2/auth, three levels below the stylesheet.
    private const string StylesheetHref = "../../../sandbox.css";

    public static IResult Consent(string nonce, GoogleAuthorizationRequest request, IEnumerable<string> knownAccounts, string? suggestedAccount, string? error = null)
    {
        var e = Html;
        var scopes = GoogleScopes.Parse(request.Scope);
        var html = new StringBuilder();
        html.Append($"""
            <h1>Sign in with Google</h1>
            <p><strong>{e.Encode(request.ClientId)}</strong> wants to access your Google Account in the sandbox.</p>
            """);
        if (error is not null)
        {
            html.Append($"""<p class="alert" role="alert" id="email-error">{e.Encode(error)}</p>""");
        }

        html.Append($"""
            <form method="post" action="auth">
              <input type="hidden" name="nonce" value="{e.Encode(nonce)}">
              <label class="field" for="email">Google account (sandbox e-mail)</label>
              <input id="email" name="email" type="email" required list="known-accounts" autocomplete="email"
                     value="{e.Encode(suggestedAccount ?? "")}" aria-describedby="email-hint"{(error is null ? "" : " aria-invalid=\"true\"")}>
              <p class="hint" id="email-hint">Any e-mail works: an unknown one creates a new sandbox account.</p>
              <datalist id="known-accounts">
            """);
        foreach (var account in knownAccounts)
        {
            html.Append($"""<option value="{e.Encode(account)}"></option>""");
        }

        html.Append("</datalist>");
        var optional = scopes.Where(s => !GoogleScopes.IsIdentity(s)).ToList();
        if (optional.Count > 0)
        {
            html.Append("<fieldset><legend>Choose what the app can access</legend>");
            for (var i = 0; i < optional.Count; i++)
            {
                html.Append($"""
                    <div class="check"><input type="checkbox" id="scope-{i}" name="scope" value="{e.Encode(optional[i])}" checked>
                    <label for="scope-{i}">{e.Encode(GoogleScopes.Describe(optional[i]))} <code>{e.Encode(optional[i])}</code></label></div>
                    """);
            }

            html.Append("</fieldset>");
        }

        var identity = scopes.Where(GoogleScopes.IsIdentity).ToList();
        if (identity.Count > 0)
        {
            html.Append("<p>Always shared when you sign in:</p><ul>");
            foreach (var scope in identity)
            {
                html.Append($"<li>{e.Encode(GoogleScopes.Describe(scope))}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("""
              <div class="actions">
                <button type="submit" name="decision" value="deny" class="btn-secondary">Deny</button>
                <button type="submit" name="decision" value="allow" class="btn-primary">Allow</button>
              </div>
            </form>
            """);
        return Page("Sign in - Google sandbox", html.ToString(), error is null ? 200 : 400);
    }

    /// <summary>Google's error screen for a request it will not send back to the client (bad client, redirect or parameters).</summary>
    public static IResult Error(string error, string message, int status = 400) =>
        Page("Authorization error - Google sandbox", $"""
            <h1>Access blocked: authorization error</h1>
            <p class="alert" role="alert">{Html.Encode(message)}</p>
            <p>Error {status}: <code>{Html.Encode(error)}</code></p>
            """, status);

    private static IResult Page(string title, string body, int status) => SandboxHtmlPage.Render(title, body, status, StylesheetHref);
}
