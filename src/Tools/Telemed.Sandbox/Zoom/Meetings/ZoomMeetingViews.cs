using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>The meeting object of create and get responses: the spec's fields plus the ones the live service adds.</summary>
public sealed record ZoomMeetingView(
    string Uuid,
    long Id,
    string HostId,
    string HostEmail,
    string Topic,
    int Type,
    string Status,
    string StartTime,
    int Duration,
    string Timezone,
    string Agenda,
    string CreatedAt,
    string StartUrl,
    string JoinUrl,
    string Password,
    string H323Password,
    string PstnPassword,
    string EncryptedPassword,
    bool PreSchedule,
    ZoomMeetingSettings Settings)
{
    // Only filled by the sandbox's inspection endpoints; null keeps them out of API answers.
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public int? UpdateCount { get; init; }
    public string? DeleteQuery { get; init; }
}

/// <summary>One entry of the list call.</summary>
public sealed record ZoomMeetingSummary(
    string Uuid,
    long Id,
    string HostId,
    string Topic,
    int Type,
    string StartTime,
    int Duration,
    string Timezone,
    string Agenda,
    string CreatedAt,
    string JoinUrl);

public sealed record ZoomMeetingList(
    int PageCount,
    int PageNumber,
    int PageSize,
    int TotalRecords,
    string NextPageToken,
    IReadOnlyList<ZoomMeetingSummary> Meetings);

/// <summary>Turns stored meetings into Zoom's JSON shapes: UTC times as <c>yyyy-MM-ddTHH:mm:ssZ</c>, links, passcode variants.</summary>
public static class ZoomMeetingPresenter
{
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static ZoomMeetingView ToView(ZoomMeeting m, string linkBase, string startToken) => new(
        m.Uuid, m.Id, m.HostId, m.HostEmail, m.Topic, m.Type, m.Status, FormatTime(m.StartTime), m.Duration, m.Timezone,
        m.Agenda ?? "", FormatTime(m.CreatedAt),
        StartUrl: $"{linkBase}/s/{m.Id}?zak={startToken}",
        JoinUrl: JoinUrl(m, linkBase),
        m.Password, NumericPasscode(m.Password), NumericPasscode(m.Password), EncryptedPasscode(m),
        PreSchedule: false, m.Settings);

    public static ZoomMeetingView ToInspectionView(ZoomMeeting m, string linkBase, string startToken) =>
        ToView(m, linkBase, startToken) with
        {
            StartedAt = m.StartedAt,
            EndedAt = m.EndedAt,
            DeletedAt = m.DeletedAt,
            UpdateCount = m.UpdateCount,
            DeleteQuery = m.DeleteQuery,
        };

    public static ZoomMeetingSummary ToSummary(ZoomMeeting m, string linkBase) => new(
        m.Uuid, m.Id, m.HostId, m.Topic, m.Type, FormatTime(m.StartTime), m.Duration, m.Timezone, m.Agenda ?? "",
        FormatTime(m.CreatedAt), JoinUrl(m, linkBase));

    /// <summary>Patients' link; like Zoom it carries the encoded passcode so nobody has to type it.</summary>
    public static string JoinUrl(ZoomMeeting m, string linkBase) =>
        m.Password.Length == 0
            ? $"{linkBase}/j/{m.Id}"
            : $"{linkBase}/j/{m.Id}?pwd={Uri.EscapeDataString(EncryptedPasscode(m))}";

    public static string EncryptedPasscode(ZoomMeeting m)
    {
        if (m.Password.Length == 0)
        {
            return "";
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("telemed-sandbox"), Encoding.UTF8.GetBytes($"{m.Id}:{m.Password}"));
        return Convert.ToBase64String(mac, 0, 16);
    }

    /// <summary>Digits-only variant for room systems and phone dial-in (h323_password, pstn_password).</summary>
    public static string NumericPasscode(string password)
    {
        if (password.Length == 0 || password.All(char.IsAsciiDigit))
        {
            return password;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        return (BitConverter.ToUInt32(hash, 0) % 900_000 + 100_000).ToString(CultureInfo.InvariantCulture);
    }
}
