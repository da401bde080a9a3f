using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// The time picker's zone list as HTML: about four hundred options, encoded once per list of choices (see
/// <see cref="ZoneChoices.All"/>) and written straight to the page, the visitor's zone marked selected.
/// </summary>
public sealed class ZoneOptions(IReadOnlyList<ZoneChoice> zones, string selectedId) : IHtmlContent
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ZoneChoice>, Encoded[]> EncodedLists = new();

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var option in EncodedLists.GetValue(zones, Encode))
        {
            writer.Write(option.Id == selectedId ? option.Selected : option.Plain);
        }
    }

    private static Encoded[] Encode(IReadOnlyList<ZoneChoice> zones) => zones.Select(zone =>
    {
        var value = HtmlEncoder.Default.Encode(zone.Id);
        var label = HtmlEncoder.Default.Encode(zone.Label);
        return new Encoded(zone.Id, $"<option value=\"{value}\">{label}</option>", $"<option value=\"{value}\" selected=\"selected\">{label}</option>");
    }).ToArray();

    private sealed record Encoded(string Id, string Plain, string Selected);
}
