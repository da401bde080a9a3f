namespace Telemed.Notifications.Rendering;

/// <summary>How many SMS segments a text takes: GSM-7 (160, or 153 per part) unless a character needs UCS-2 (70, or 67).</summary>
public static class SmsSegments
{
    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extended = "^{}\\[~]|€\f";

    public sealed record Count(int Length, int Segments, string Encoding);

    public static Count Of(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            if (Gsm7.Contains(c)) units++;
            else if (Gsm7Extended.Contains(c)) units += 2;
            else return Ucs2(text);
        }
        return new Count(units, units == 0 ? 0 : units <= 160 ? 1 : (units + 152) / 153, "GSM-7");
    }

    private static Count Ucs2(string text)
    {
        var units = text.Length; // UTF-16 code units, as UCS-2 counts them
        return new Count(units, units <= 70 ? 1 : (units + 66) / 67, "UCS-2");
    }
}
