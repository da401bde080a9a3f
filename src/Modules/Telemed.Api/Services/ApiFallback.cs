using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Telemed.Core.Api;

namespace Telemed.Api.Services;

/// <summary>
/// Answers an API request no endpoint took, as a problem that says why: 404 for an address the API does not have,
/// 405 (with Allow) for a method it has not got there, 415 for a body that is not JSON. Routing alone cannot tell these
/// apart once this catch-all matches, so the API's own routes are matched here, built once from the routing table.
/// </summary>
public sealed class ApiFallback(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> _routes = new(() =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase) && !raw.Contains("**"))
            .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList());

    public IResult Answer(HttpRequest request)
    {
        var path = request.Path;
        var matching = _routes.Value.Where(r => r.Matcher.TryMatch(path, new RouteValueDictionary())).ToList();
        if (matching.Count == 0)
        {
            return TypedResults.Problem($"No API endpoint answers {request.Method} {path}.", statusCode: StatusCodes.Status404NotFound, title: "No such endpoint");
        }
        var sameMethod = matching.Where(r => r.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (sameMethod.Count == 0)
        {
            var allowed = matching.SelectMany(r => r.Methods).Distinct().Order().ToList();
            request.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            return TypedResults.Problem($"{path} answers {string.Join(", ", allowed)}, not {request.Method}.",
                statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed");
        }
        return ApiInput.JsonExpected();
    }
}
