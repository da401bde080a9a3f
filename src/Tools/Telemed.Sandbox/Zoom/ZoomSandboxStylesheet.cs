using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Zoom;

/// <summary>
/// The one stylesheet of the sandbox's browser pages (consent, start, join), served at <c>{base}/sandbox.css</c>
/// so the pages carry no inline style and render under a strict Content-Security-Policy such as the product's.
/// </summary>
internal static class ZoomSandboxStylesheet
{
    /// <summary>The link from a page one level below the provider root (<c>{base}/oauth/authorize</c>, <c>{base}/s/{id}</c>).</summary>
    public const string Href = "../sandbox.css";

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f8;color:#212529;margin:0}
        main{max-width:28rem;margin:3rem auto;background:#fff;border:1px solid #dee2e6;border-radius:.5rem;padding:1.5rem}
        main.room{max-width:36rem}
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

    public static void MapZoomSandboxStylesheet(this RouteGroupBuilder zoom) =>
        zoom.MapGet("/sandbox.css", () => Results.Text(Css, "text/css; charset=utf-8")).WithName("zoom.sandbox.css");
}
