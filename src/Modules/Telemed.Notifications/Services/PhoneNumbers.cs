namespace Telemed.Notifications.Services;

/// <summary>Phone numbers as the SMS provider and the opt-out list compare them: digits with a leading +.</summary>
public static class PhoneNumbers
{
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7 || digits.Length > 15)
        {
            return null;
        }
        // International forms become E.164; a national number is kept as typed (digits only) for the provider to place.
        return phone.TrimStart().StartsWith('+') ? "+" + digits : digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..] : digits;
    }
}
