using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Modules;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Tests.FakeVideo;

[assembly: ModuleManifest(FakeVideoStartup.ModuleId, "Fake Video (tests)", Requires = ["Telemed.Meetings"])]

namespace Telemed.Meetings.Tests.FakeVideo;

/// <summary>A second video provider, installed the way any provider module is: a manifest that requires Meetings, and a startup.</summary>
public sealed class FakeVideoStartup : ModuleStartup
{
    public const string ModuleId = "Telemed.Meetings.Tests.FakeVideo";
    public const string ProviderId = "fake-video";
    public const string ProviderName = "Fake Video";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FakeVideoService>();
        services.AddMeetingProvider<FakeVideoProvider>(ProviderId, ProviderName);
    }
}
