using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Messaging;
using Telemed.Core.Security;
using Telemed.Identity.Data;

namespace Telemed.IntegrationTests;

/// <summary>Both layers of isolation: EF Core's filters and save checks, and PostgreSQL's forced row-level security.</summary>
public sealed class TenantIsolationShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task HideAnotherClinicsRowsEvenWithQueryFiltersSwitchedOff()
    {
        var first = await Clinics.CreateAsync(Host, adminEmail: "owner@first.test");
        var second = await Clinics.CreateAsync(Host, adminEmail: "owner@second.test");

        var seenFromSecond = await Host.InTenantAsync(second, services =>
            services.GetRequiredService<IdentityDb>().Users.IgnoreQueryFilters().CountAsync(u => u.TenantId == first.Id));
        var seenFromFirst = await Host.InTenantAsync(first, services =>
            services.GetRequiredService<IdentityDb>().Users.IgnoreQueryFilters().CountAsync(u => u.TenantId == first.Id));

        Assert.Equal(0, seenFromSecond);
        Assert.Equal(1, seenFromFirst);
    }

    [Fact]
    public async Task HideAnotherClinicsRowsFromRawSqlUnderTheOtherTenantsSetting()
    {
        var first = await Clinics.CreateAsync(Host);
        var second = await Clinics.CreateAsync(Host);
        await Host.InTenantAsync(first, services => services.GetRequiredService<MessageLog>().RecordAsync("email", "a@first.test", "Private", "Only for the first clinic"));

        var database = Host.GetRequiredService<Database>();
        await using var asSecond = await database.OpenAsync(second.Id);
        Assert.Equal(0L, await ScalarAsync<long>(asSecond, $"SELECT count(*) FROM message_log WHERE tenant_id = '{first.Id}'"));
        Assert.Equal(0L, await ScalarAsync<long>(asSecond, $"SELECT count(*) FROM users WHERE tenant_id = '{first.Id}'"));
        Assert.Equal(0L, await ScalarAsync<long>(asSecond, $"SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.tenant_id = '{first.Id}'"));

        await using var withoutTenant = await database.OpenAsync((Guid?)null);
        Assert.Equal(0L, await ScalarAsync<long>(withoutTenant, "SELECT count(*) FROM users"));

        await using var asFirst = await database.OpenAsync(first.Id);
        Assert.Equal(1L, await ScalarAsync<long>(asFirst, "SELECT count(*) FROM message_log"));
    }

    [Fact]
    public async Task RefuseToInsertARowForAnotherClinic()
    {
        var first = await Clinics.CreateAsync(Host);
        var second = await Clinics.CreateAsync(Host);

        await using var asSecond = await Host.GetRequiredService<Database>().OpenAsync(second.Id);
        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(asSecond,
            $"INSERT INTO message_log (tenant_id, channel, recipient, subject, body) VALUES ('{first.Id}', 'email', 'x@y.test', 's', 'b') RETURNING 1"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("row-level security", error.MessageText);
    }

    [Fact]
    public async Task RefuseToSaveAnEntityOfAnotherClinicThroughEfCore()
    {
        var first = await Clinics.CreateAsync(Host, adminEmail: "boss@first.test");
        var second = await Clinics.CreateAsync(Host);
        var user = await Host.InTenantAsync(first, services => services.GetRequiredService<IdentityDb>().Users.AsNoTracking().SingleAsync());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Host.InTenantAsync(second, async services =>
        {
            var db = services.GetRequiredService<IdentityDb>();
            user.DisplayName = "Hijacked";
            db.Users.Update(user);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("another tenant", error.Message);
    }

    [Fact]
    public async Task ConnectAsARoleThatOwnsNothingAndCannotBypassSecurity()
    {
        await using var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        var role = await ScalarAsync<string>(connection, "SELECT current_user::text");
        var ownsUsers = await ScalarAsync<bool>(connection, "SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'users'");
        var bypasses = await ScalarAsync<bool>(connection, "SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user");
        var forced = await ScalarAsync<bool>(connection, "SELECT relforcerowsecurity FROM pg_class WHERE relname = 'users'");

        Assert.EndsWith("_app", role);
        Assert.False(ownsUsers);
        Assert.False(bypasses);
        Assert.True(forced);
    }

    [Fact]
    public async Task AllowTheSameEmailInTwoClinicsAsTwoUsers()
    {
        var first = await Clinics.CreateAsync(Host, adminEmail: "shared@person.test");
        var second = await Clinics.CreateAsync(Host, adminEmail: "shared@person.test");

        var firstUser = await Host.InTenantAsync(first, s => s.GetRequiredService<IUserDirectory>().FindByEmailAsync("shared@person.test"));
        var secondUser = await Host.InTenantAsync(second, s => s.GetRequiredService<IUserDirectory>().FindByEmailAsync("shared@person.test"));

        Assert.NotNull(firstUser);
        Assert.NotNull(secondUser);
        Assert.NotEqual(firstUser.Id, secondUser.Id);
    }

    [Fact]
    public async Task RejectACookieCopiedFromAnotherClinic()
    {
        var first = await Clinics.CreateAsync(Host, adminEmail: "a@first.test");
        var second = await Clinics.CreateAsync(Host);
        var client = await Clinics.SignInAsync(Host, $"/c/{first.Slug}", "a@first.test");
        // Present the first clinic's auth cookie under the second clinic's cookie name.
        var cookieHeader = client.Cookies.GetCookieHeader(new Uri(Host.BaseAddress, $"/c/{first.Slug}/admin"));
        var stolen = cookieHeader.Split("; ").Single(c => c.StartsWith($".telemed.auth.{first.Slug}=", StringComparison.Ordinal))
            .Replace($".telemed.auth.{first.Slug}=", $".telemed.auth.{second.Slug}=");
        using var attacker = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{second.Slug}/admin");
        request.Headers.Add("Cookie", stolen);
        var response = await attacker.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString());
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
