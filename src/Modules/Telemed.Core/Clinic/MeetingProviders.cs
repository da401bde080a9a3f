using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemed.Core.Clinic;

/// <summary>
/// Meeting providers are named by id (<c>zoom</c>, <c>google-meet</c>, ...): a provider module brings its own, so
/// adding one changes neither bookings nor meetings. Two ids belong to no module: <see cref="None"/> and
/// <see cref="HostsConnected"/>, the provider the appointment's host has connected.
/// </summary>
public static class MeetingProviders
{
    public const string None = "none";
    public const string HostsConnected = "host";
    public const int MaxIdLength = 40;

    /// <summary>Ids of the providers this product once named by number or enum name, so old data and recipes still read.</summary>
    private static readonly Dictionary<string, string> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0"] = None, ["None"] = None, ["1"] = "zoom", ["Zoom"] = "zoom", ["2"] = "google-meet", ["GoogleMeet"] = "google-meet",
    };

    /// <summary>The canonical id for what a form, recipe or stored event says; blank is <see cref="None"/>.</summary>
    public static string Normalize(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0 ? None : Legacy.TryGetValue(trimmed, out var id) ? id : trimmed.ToLowerInvariant();
    }

    /// <summary>Lower-case letters, digits and dashes, starting with a letter.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= MaxIdLength && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

/// <summary>Reads a provider id written as text or, by events queued before ids existed, as the old enum's number.</summary>
public sealed class MeetingProviderIdJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => MeetingProviders.Normalize(reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        JsonTokenType.Null => MeetingProviders.None,
        _ => MeetingProviders.Normalize(reader.GetString()),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A provider a service can choose, as the service form lists it; each provider module registers its own.</summary>
public sealed record MeetingProviderOption(string Id, string Name);
