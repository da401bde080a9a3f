using System.Security.Cryptography;
using System.Text;

namespace Telemed.Meetings.Planning;

/// <summary>A short reference unique to the clinic and slot, put in the agenda to recognise our meeting at the provider.</summary>
public static class MeetingMarker
{
    public static string For(Guid tenantId, string slotKey) =>
        "[ref:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}:{slotKey}")))[..20] + "]";
}
