namespace Telemed.Core.Hosting;

/// <summary>Work a module needs done once the schema is current and before requests are served (seeding).</summary>
public interface IStartupTask
{
    int Order => 0;
    Task RunAsync(CancellationToken cancellationToken);
}
