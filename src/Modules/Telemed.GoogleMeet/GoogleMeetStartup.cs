using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.GoogleMeet.Data;
using Telemed.GoogleMeet.Jobs;
using Telemed.GoogleMeet.Recipes;
using Telemed.GoogleMeet.Services;
using Telemed.Meetings;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet;

/// <summary>Google Meet as a meeting provider (Calendar events with Meet links), and the provider sandbox when no real Google app is configured.</summary>
public sealed class GoogleMeetStartup : ModuleStartup
{
    /// <summary>How services name Google Meet as their meeting provider.</summary>
    public const string ProviderId = "google-meet";
    public const string ProviderName = "Google Meet";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var development = string.Equals(configuration[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);
        services.AddOptions<GoogleOptions>().BindConfiguration("Google").Configure(o => o.SandboxByDefault = development).ValidateOnStart()
            .Validate(o => o.SandboxMounted || string.IsNullOrWhiteSpace(o.ClientId) || !string.IsNullOrWhiteSpace(o.ClientSecret),
                "Google:ClientSecret is required with a real Google:ClientId.")
            .Validate(o => o.ConferencePollDelays.All(d => d >= TimeSpan.Zero && d <= TimeSpan.FromSeconds(30)),
                "Google:ConferencePollDelays must each be between 0 and 30 seconds.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<GoogleMeetDb>();
        services.AddMigrations<GoogleMeetMigrations>();

        services.AddSingleton<GoogleUrls>();
        services.AddSingleton<GoogleApps>();
        services.AddTransient<GoogleTimeoutHandler>();
        services.AddHttpClient<GoogleOAuthClient>().AddHttpMessageHandler<GoogleTimeoutHandler>();
        services.AddHttpClient<GoogleCalendarClient>().AddHttpMessageHandler<GoogleTimeoutHandler>();
        services.AddScoped<GoogleMeetSettingsStore>();
        services.AddMeetingProvider<GoogleMeetProvider>(ProviderId, ProviderName);
        services.AddOAuthConnector<GoogleConnector>();

        services.AddJob<ConnectSandboxGoogleHostJob>(ConnectSandboxGoogleHostJob.Kind);
        services.AddSingleton<IRecipeStep, GoogleMeetRecipeStep>();
        services.AddNoReferrerPaths("/google/callback");
        services.AddPermissions<GooglePermissions>();
        services.AddAdminMenu(new AdminMenuItem("Google Meet", "/admin/google-meet", GooglePermissions.Names.ManageGoogleMeet, 63, Group: AdminMenuGroups.Video));
        services.AddSingleton(new MeetingsAdminLink("Google Meet settings", "/admin/google-meet"));
        services.AddGoogleSandboxWhenUsed(configuration, development);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGoogleSandboxWhenUsed();
}
