using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Telemed.Core.Theming;

namespace Telemed.Tenants.Services;

/// <summary>
/// An accent colour must read on white (4.5:1, WCAG AA): it colours links and carries the white text of buttons.
/// The message offers the nearest darker shade that does.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReadableOnWhiteAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string colour || !AccentColour.IsHex(colour) || AccentColour.IsReadableOnWhite(colour))
        {
            return ValidationResult.Success;
        }
        var contrast = AccentColour.ContrastOnWhite(colour).ToString("0.0", CultureInfo.InvariantCulture);
        return new ValidationResult(
            $"{colour} is too light to read on white ({contrast}:1; text needs at least 4.5:1). Try a darker shade such as {AccentColour.ReadableOnWhite(colour)}.",
            [validationContext.MemberName!]);
    }
}

/// <summary>An absolute https address (a logo shown on the clinic's pages: the browser may load images from https only).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpsUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.Length == 0)
        {
            return ValidationResult.Success;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return new ValidationResult("Enter the full address of the image, starting with https://.", [validationContext.MemberName!]);
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return new ValidationResult("The logo's address must start with https:// (browsers block images sent over plain http).", [validationContext.MemberName!]);
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return new ValidationResult("The logo's address must not contain a user name or password.", [validationContext.MemberName!]);
        }
        return ValidationResult.Success;
    }
}
