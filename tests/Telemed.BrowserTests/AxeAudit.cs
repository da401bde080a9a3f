using System.Text.Json;

namespace Telemed.BrowserTests;

/// <summary>One rule axe-core found broken on a page: its id, impact, what it asks for and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);

/// <summary>
/// What axe-core (the engine behind Lighthouse's accessibility audit) says of the page as it stands: the rules broken and
/// a score, the share of the rules that applied to the page that passed (Lighthouse scores the same way, weighting rules).
/// </summary>
public sealed record AxeReport(string Page, IReadOnlyList<AxeViolation> Violations, int Passed)
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    public int Score => (int)Math.Floor(100.0 * Passed / Math.Max(1, Passed + Violations.Count));

    /// <summary>Serious and critical: what keeps someone from using the page (Lighthouse's 95 and above has none).</summary>
    public IReadOnlyList<AxeViolation> Blocking => Violations.Where(v => v.Impact is "serious" or "critical").ToList();

    /// <summary>Runs axe on the page against WCAG 2.1 A and AA and axe's best practices.</summary>
    public static async Task<AxeReport> RunAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be blocked).
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return {
                passed: r.passes.length,
                violations: r.violations.map(v => ({ id: v.id, impact: v.impact || 'minor', help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
              };
            }
            """);
        var violations = result.GetProperty("violations").EnumerateArray()
            .Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .ToList();
        return new AxeReport(new Uri(page.Url).PathAndQuery, violations, result.GetProperty("passed").GetInt32());
    }

    public override string ToString() =>
        $"{Page}: score {Score} ({Passed} rules passed, {Violations.Count} broken)" + string.Concat(Violations.Select(v =>
            $"{Environment.NewLine}  [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Targets)}"));
}
