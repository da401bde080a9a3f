namespace Telemed.Liquid;

/// <summary>How one render runs: the output format and, per tenant or message, partials, zone and clock.</summary>
public sealed class LiquidRenderSettings
{
    public static readonly LiquidRenderSettings PlainText = new();

    public static readonly LiquidRenderSettings Html = new() { HtmlEncode = true };

    /// <summary>Encode every output unless the template marks it <c>| raw</c> (for HTML e-mail and pages).</summary>
    public bool HtmlEncode { get; init; }

    /// <summary>Where <c>{% render %}</c> and <c>{% include %}</c> find partials; defaults to the engine's store.</summary>
    public ILiquidTemplateStore? TemplateStore { get; init; }

    /// <summary>The zone for "now", timestamps and times without an offset; defaults to <see cref="LiquidOptions.DefaultTimeZone"/>.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Write a failing tag or output as "Liquid error (line 3): divided by 0" and go on, as Shopify's
    /// storefronts do, instead of throwing: for previews in a template editor. Limits still stop the render.
    /// </summary>
    public bool InlineErrors { get; init; }
}
