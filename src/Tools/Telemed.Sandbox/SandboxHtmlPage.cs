using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox;

/// <summary>
/// The frame of the providers' consent pages: a small accessible HTML document whose only style is the provider's
/// stylesheet, linked relative to the page so it works under any mount path and a strict Content-Security-Policy.
/// </summary>
internal static class SandboxHtmlPage
{
    // Escapes markup but keeps readable text such as an em dash.
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(string title, string body, int status, string stylesheetHref) => Results.Content($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encoder.Encode(title)}</title>
        <link rel="stylesheet" href="{stylesheetHref}">
        </head>
        <body><main>
        {body}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
