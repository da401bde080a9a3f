using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Telemed.IntegrationTests;

/// <summary>The Data Protection key ring is shared through the database, but never stored there in the clear.</summary>
public sealed class KeyRingShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task StoreKeysInTheDatabaseOnlyEncrypted()
    {
        var protector = fixture.Host.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");
        var secret = protector.Protect("refresh-token-value");

        await using var superuser = await TestPostgres.OpenSuperuserAsync(fixture.Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", superuser);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.Equal("refresh-token-value", protector.Unprotect(secret));
    }

    [Fact]
    public async Task GiveEveryProcessStartingTogetherTheSameKeyFromTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kek-{Guid.NewGuid():N}", "key-encryption.key");
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
                Convert.ToBase64String(Telemed.Core.Security.KeyEncryptionKey.FromConfigurationOrFile(null, file).Key))));

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], File.ReadAllText(file));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
