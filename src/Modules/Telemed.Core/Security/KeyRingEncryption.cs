using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Security;

/// <summary>
/// The key that encrypts the Data Protection key ring before it is stored in the database, so a copy
/// of the database alone cannot decrypt the provider tokens and other secrets protected with it.
/// It comes from configuration (<c>DataProtection:KeyEncryptionKey</c>, base64 of 32 bytes, the same
/// on every node) or, for a single node, from a file created beside the app data.
/// </summary>
public sealed class KeyEncryptionKey
{
    private KeyEncryptionKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static KeyEncryptionKey FromConfigurationOrFile(string? configured, string file)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Parse(configured, "DataProtection:KeyEncryptionKey");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Several processes may start at once: creating the file is exclusive (O_EXCL), so exactly one
        // writes a key; the others wait the moment it takes to be written and read that one.
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }
        catch (IOException) when (File.Exists(file))
        {
        }
        var text = File.ReadAllText(file).Trim();
        for (var wait = 0; text.Length == 0 && wait < 100; wait++)
        {
            Thread.Sleep(10);
            text = File.ReadAllText(file).Trim();
        }
        return Parse(text, file);
    }

    private static KeyEncryptionKey Parse(string base64, string source)
    {
        var key = base64.Length == 0 ? [] : Convert.FromBase64String(base64);
        return key.Length == 32
            ? new KeyEncryptionKey(key)
            : throw new InvalidOperationException($"The key-encryption key in {source} must be 32 bytes, base64-encoded.");
    }
}

/// <summary>Encrypts each key-ring element with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
public sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, 16);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under the key-encryption key "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Created by Data Protection through its service provider when it reads the key ring.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var sealedBytes = Convert.FromBase64String(encryptedElement.Element("value")!.Value);
        var plaintext = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key.Key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
