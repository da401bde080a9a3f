using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The query parameters of a modifying call. <see cref="SendUpdates"/> is what the call asked for: sendUpdates, or
/// "all"/"none" from the deprecated sendNotifications, or null when it sent neither (Google then mails nobody).
/// </summary>
internal sealed record GoogleWriteQuery(string? SendUpdates, int ConferenceDataVersion)
{
    public static (GoogleWriteQuery? Query, IResult? Error) Read(IQueryCollection query)
    {
        var sendUpdates = query["sendUpdates"].FirstOrDefault();
        if (sendUpdates is not (null or "all" or "externalOnly" or "none"))
        {
            return (null, GoogleErrors.InvalidParameter("sendUpdates", $"Invalid string value: '{sendUpdates}'. Allowed values: [all, externalOnly, none]"));
        }

        var sendNotifications = query["sendNotifications"].FirstOrDefault();
        if (sendNotifications is not (null or "true" or "false"))
        {
            return (null, GoogleErrors.InvalidParameter("sendNotifications", $"Invalid boolean value: '{sendNotifications}'."));
        }

        var version = query["conferenceDataVersion"].FirstOrDefault();
        var conferenceDataVersion = 0;
        if (version is not null && (!int.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out conferenceDataVersion) || conferenceDataVersion is < 0 or > 1))
        {
            return (null, GoogleErrors.InvalidParameter("conferenceDataVersion", $"Invalid value '{version}'. Values must be within the range: [0, 1]"));
        }

        sendUpdates ??= sendNotifications switch { "true" => "all", "false" => "none", _ => null };
        return (new GoogleWriteQuery(sendUpdates, conferenceDataVersion), null);
    }
}
