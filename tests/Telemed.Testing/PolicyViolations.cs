using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>
/// What Chromium blocked on a context's pages because of the Content-Security-Policy (or refused in the
/// Permissions-Policy), and any script error a blocked file would cause. Attach before the first page opens.
/// </summary>
public sealed class PolicyViolations
{
    private const string Marker = "securitypolicyviolation:";
    private readonly ConcurrentQueue<string> _seen = new();

    private PolicyViolations()
    {
    }

    public IReadOnlyCollection<string> Seen => _seen;

    public static async Task<PolicyViolations> WatchAsync(IBrowserContext context)
    {
        var violations = new PolicyViolations();
        // The browser's own console line names the directive; the event names the page and what was blocked.
        await context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('{{Marker}} ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + location.pathname));
            """);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains(Marker, StringComparison.Ordinal)
                || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations._seen.Enqueue(message.Text);
            }
        };
        context.Page += (_, page) => page.PageError += (_, error) => violations._seen.Enqueue($"script error on {page.Url}: {error}");
        return violations;
    }

    public void AssertNone() =>
        Xunit.Assert.True(_seen.IsEmpty, Report());

    /// <summary>Runs a test's steps and fails if anything was blocked, saying so first when a blocked script made a step fail.</summary>
    public async Task AssertNoneAfterAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception exception) when (!_seen.IsEmpty)
        {
            Xunit.Assert.Fail($"{Report()}{Environment.NewLine}and then: {exception.Message}");
        }
        AssertNone();
    }

    private string Report() => "Chromium reported:" + Environment.NewLine + string.Join(Environment.NewLine, _seen);
}
