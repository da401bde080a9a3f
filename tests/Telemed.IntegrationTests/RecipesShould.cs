using Npgsql;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.IntegrationTests;

/// <summary>Recipes provision whole clinics, or fail naming the step and the reason and leave nothing behind.</summary>
public sealed class RecipesShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task ProvisionTheDemoClinicFromItsRecipe()
    {
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "demo-clinic.recipe.json")));
        var slug = $"demo-{Guid.NewGuid():N}"[..14];
        var tenant = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(Slug: slug));

        Assert.Equal("Riverside Telehealth (demo)", tenant.Name);
        await Clinics.SignInAsync(Host, $"/c/{slug}", "dr.alice@demo.clinic", "Demo123!");
    }

    [Fact]
    public async Task FailOnAnUnknownStepBeforeCreatingAnything()
    {
        var slug = $"bad-{Guid.NewGuid():N}"[..12];
        var recipe = Recipe.Parse("""{ "name": "broken", "steps": [ { "step": "settings" }, { "step": "teleport" } ] }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug)));

        Assert.Equal(1, error.StepIndex);
        Assert.Equal("teleport", error.StepName);
        Assert.Contains("no module provides this step", error.Message);
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
    }

    [Fact]
    public async Task FailOnInvalidStepDataNamingTheProblem()
    {
        var recipe = Recipe.Parse("""{ "name": "broken", "steps": [ { "step": "users", "users": [ { "email": "nobody", "roles": ["Wizard"] } ] } ] }""");
        var error = await Assert.ThrowsAsync<RecipeException>(() => Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest($"bad-{Guid.NewGuid():N}"[..12])));
        Assert.Equal("users", error.StepName);
        Assert.Contains("valid \"email\"", error.Reason);
        Assert.Contains("unknown role 'Wizard'", error.Reason);
    }

    [Fact]
    public async Task RemoveTheHalfMadeClinicWhenALaterStepFails()
    {
        var slug = $"half-{Guid.NewGuid():N}"[..13];
        var recipe = Recipe.Parse("""
            { "name": "half", "steps": [
              { "step": "settings", "contactEmail": "front@half.test" },
              { "step": "users", "users": [ { "email": "ok@half.test", "password": "Long-enough-1", "roles": ["ClinicAdmin"] } ] },
              { "step": "users", "users": [ { "email": "weak@half.test", "password": "x", "roles": ["Host"] } ] } ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeException>(() => Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug)));

        Assert.Equal(2, error.StepIndex);
        Assert.Contains("Passwords must be at least 8 characters", error.Reason);
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync(slug));
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM users WHERE email IN ('ok@half.test', 'weak@half.test'))
                 + (SELECT count(*) FROM clinic_settings WHERE document->>'contactEmail' = 'front@half.test')
            """, superuser);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void ReportMalformedJsonWithItsLine()
    {
        var error = Assert.Throws<RecipeException>(() => Recipe.Parse("{\n  \"name\": \"x\",\n  \"steps\": [ oops ]\n}"));
        Assert.Contains("line 3", error.Message);
    }
}
