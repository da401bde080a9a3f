using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>The sandbox's consent screen: pick the consenting Zoom user, then Allow or Deny. Plain, accessible HTML.</summary>
internal static class ZoomConsentPage
{
    private const string Styles = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f8;color:#212529;margin:0}
        main{max-width:28rem;margin:3rem auto;background:#fff;border:1px solid #dee2e6;border-radius:.5rem;padding:1.5rem}
        h1{font-size:1.35rem;margin:0 0 .75rem}
        p{line-height:1.5}
        label{display:block;font-weight:600;margin:1rem 0 .25rem}
        input{width:100%;box-sizing:border-box;padding:.5rem .75rem;border:1px solid #ced4da;border-radius:.375rem;font-size:1rem}
        input:focus,button:focus{outline:3px solid #86b7fe;outline-offset:1px}
        .hint{color:#6c757d;font-size:.875rem;margin:.25rem 0 0}
        .alert{background:#f8d7da;color:#58151c;border:1px solid #f1aeb5;border-radius:.375rem;padding:.75rem}
        .actions{display:flex;gap:.5rem;margin-top:1.5rem}
        button{flex:1;padding:.6rem 1rem;font-size:1rem;border-radius:.375rem;border:1px solid transparent;cursor:pointer}
        .btn-primary{background:#0b5cff;color:#fff}
        .btn-secondary{background:#fff;color:#212529;border-color:#6c757d}
        ul{padding-left:1.25rem}
        """;

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

    private static IResult Page(string title, string body, int status) => Results.Content($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncoder.Default.Encode(title)}</title>
        <style>{Styles}</style>
        </head>
        <body><main>
        {body}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
