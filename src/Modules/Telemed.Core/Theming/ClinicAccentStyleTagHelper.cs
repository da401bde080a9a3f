using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Telemed.Core.Security;

namespace Telemed.Core.Theming;

/// <summary>
/// <c>&lt;clinic-accent-style /&gt;</c> in a layout's head: a nonce'd style block that sets the clinic's accent colour as
/// CSS variables (the CSP allows no style attributes). Renders nothing when the clinic chose none. A colour saved before
/// the contrast rule existed is darkened here until it is readable on white.
/// </summary>
[HtmlTargetElement("clinic-accent-style", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ClinicAccentStyleTagHelper(ClinicBrandingAccessor branding) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var accent = (await branding.GetAsync(ViewContext.HttpContext.RequestAborted)).AccentColor;
        // Checked again here, not only when saved: this string goes into a style sheet.
        if (!AccentColour.IsHex(accent))
        {
            output.SuppressOutput();
            return;
        }
        var colour = AccentColour.ReadableOnWhite(accent!);
        var rgb = string.Join(", ", Enumerable.Range(0, 3).Select(i => int.Parse(colour.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        output.TagName = "style";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.GetCspNonce());
        // --clinic-accent is set only when the clinic chose a colour, so themes can fall back to their own look without one.
        output.Content.SetHtmlContent($":root{{--clinic-accent:{colour};--clinic-accent-rgb:{rgb};--telemed-accent:{colour};}}");
    }
}
