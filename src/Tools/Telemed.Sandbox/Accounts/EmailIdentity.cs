using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telemed.Sandbox.Accounts;

/// <summary>
/// What a sandbox account takes from its e-mail alone: a hash to derive ids from and a name read from the local part
/// (dr.alice.smith@ gives Alice Smith), so the same e-mail gives the same account after a restart or reset.
/// </summary>
public sealed record EmailIdentity(byte[] Hash, string GivenName, string FamilyName)
{
    public static EmailIdentity Of(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant()));
        var local = email[..email.IndexOf('@')];
        var names = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
        return new EmailIdentity(
            hash,
            Capitalize(names.Length > 1 ? names[^2] : "Sandbox"),
            Capitalize(names.Length > 0 ? names[^1] : "User"));
    }

    private static string Capitalize(string value) =>
        value.Length == 0 ? value : char.ToUpper(value[0], CultureInfo.InvariantCulture) + value[1..];
}
