using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>
/// In Production an unhandled exception answers 500 with the error page in the clinic's own theme, with a way back to its
/// home and nothing of the exception: not its type, message, stack or the path that failed.
/// </summary>
public sealed class ErrorPagesShould(ErrorPagesShould.ProductionHost fixture) : IClassFixture<ErrorPagesShould.ProductionHost>
{
    private const string Secret = "connection to 10.1.2.3 refused by pg_hba";

    [Theory]
    [InlineData("calm", "theme-calm")]
    [InlineData("clinic", "theme-clinic")]
    public async Task ShowAnUnhandledErrorInTheClinicsThemeWithoutItsDetail(string theme, string bodyClass)
    {
        var clinic = await fixture.ProvisionAsync(theme);

        var response = await fixture.Host.CreateClient().GetAsync($"/c/{clinic.Slug}/{ThrowingPath}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        Assert.Contains(bodyClass, page.Body!.ClassList);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent);
        Assert.Equal($"/c/{clinic.Slug}/", page.QuerySelectorAll("main a").Single(a => a.TextContent == $"Back to {clinic.Name}").GetAttribute("href"));
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(ThrowingPath, html);
    }

    [Fact]
    public async Task AnswerAFormItCannotReadWith400NotA500()
    {
        var clinic = await fixture.ProvisionAsync("clinic");

        // A NUL character makes the form unreadable; the error page must still tell which error it is showing.
        var response = await fixture.Host.CreateClient().PostAsync($"/c/{clinic.Slug}/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a\0b", ["__RequestVerificationToken"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("We could not read that request", page.QuerySelector("h1")?.TextContent);
    }

    private const string ThrowingPath = "test-failure";

    /// <summary>The product in Production, with one address that fails the way a bug would.</summary>
    public sealed class ProductionHost : HostFixture
    {
        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["environment"] = "Production" };

        protected override Action<IServiceCollection>? ConfigureServices => services =>
            services.AddSingleton<IStartupFilter, ThrowingEndpoint>();

        public Task<Tenant> ProvisionAsync(string theme)
        {
            var recipe = Telemed.Core.Recipes.Recipe.Parse($$"""{ "name": "errors", "tenant": { "theme": "{{theme}}" }, "steps": [] }""");
            var slug = $"err-{Guid.NewGuid():N}"[..14];
            return Host.GetRequiredService<Telemed.Tenants.Services.TenantProvisioner>()
                .ProvisionAsync(recipe, new Telemed.Tenants.Services.ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
        }
    }

    /// <summary>After the product's pipeline, so the exception passes through its exception handler.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) =>
                context.Request.Path == "/" + ThrowingPath ? throw new InvalidOperationException(Secret) : Task.CompletedTask);
        };
    }
}
