using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Google;

/// <summary>
/// The one stylesheet of the sandbox's Google pages (consent, Meet, event), served at <c>{base}/sandbox.css</c> so the
/// pages carry no inline style and render under a strict Content-Security-Policy such as the product's.
/// </summary>
internal static class GoogleSandboxStylesheet
{
    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f3f4;color:#202124;margin:0}
        main{max-width:30rem;margin:3rem auto;background:#fff;border:1px solid #dadce0;border-radius:.5rem;padding:1.5rem}
        h1{font-size:1.35rem;font-weight:500;margin:0 0 .75rem}
        p{line-height:1.5}
        label.field{display:block;font-weight:600;margin:1rem 0 .25rem}
        input[type=email]{width:100%;box-sizing:border-box;padding:.5rem .75rem;border:1px solid #80868b;border-radius:.25rem;font-size:1rem}
        input:focus,button:focus{outline:3px solid #8ab4f8;outline-offset:1px}
        fieldset{border:1px solid #dadce0;border-radius:.5rem;margin:1rem 0 0;padding:.5rem 1rem 1rem}
        legend{font-weight:600;padding:0 .25rem}
        .check{display:flex;gap:.6rem;align-items:flex-start;margin-top:.75rem}
        .check input{width:1.1rem;height:1.1rem;margin:.15rem 0 0;flex:none}
        .check code,.hint{display:block;color:#5f6368;font-size:.8rem;word-break:break-all}
        .hint{margin:.25rem 0 0}
        .alert{background:#fce8e6;color:#a50e0e;border:1px solid #f6aea9;border-radius:.25rem;padding:.75rem}
        .actions{display:flex;gap:.5rem;margin-top:1.5rem}
        button{flex:1;padding:.6rem 1rem;font-size:1rem;border-radius:.25rem;border:1px solid transparent;cursor:pointer}
        .btn-primary{background:#1a73e8;color:#fff}
        .btn-secondary{background:#fff;color:#1a73e8;border-color:#80868b}
        ul{padding-left:1.25rem}
        """;

    public static void MapGoogleSandboxStylesheet(this RouteGroupBuilder google) =>
        google.MapGet("/sandbox.css", () => Results.Text(Css, "text/css; charset=utf-8")).WithName("google.sandbox.css");
}
