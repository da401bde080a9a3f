using Telemed.LoadTests;

// Usage: dotnet run -c Release --project tests/Telemed.LoadTests -- [jobs|enqueue|startup|api|web|clinics|all] [jobs, bookings or requests per run] [Jobs:Workers]
var scenario = args.FirstOrDefault() ?? "all";
var jobs = args.Length > 1 ? int.Parse(args[1]) : 20_000;
var hostSettings = new Dictionary<string, string>();
if (args.Length > 2)
{
    hostSettings["Jobs:Workers"] = args[2];
}

if (scenario is "jobs" or "enqueue" or "all")
{
    await using var cluster = await DurableCluster.StartAsync();
    if (scenario is "jobs" or "all")
    {
        await JobThroughput.RunAsync(cluster, jobs, hostSettings);
    }
    if (scenario is "enqueue" or "all")
    {
        await EnqueueRate.RunAsync(cluster);
    }
}
if (scenario is "api" or "all")
{
    await using var cluster = await DurableCluster.StartAsync();
    await ApiBookingRate.RunAsync(cluster, args.Length > 1 ? jobs : 2_000);
}
if (scenario is "web" or "all")
{
    await using var cluster = await DurableCluster.StartAsync();
    await WebLoad.RunAsync(cluster, args.Length > 1 ? jobs : 10_000);
}
if (scenario is "clinics" or "all")
{
    await using var cluster = await DurableCluster.StartAsync();
    await ClinicsAtScale.RunAsync(cluster, args.Length > 1 ? jobs : 1_000);
}
if (scenario is "startup" or "all")
{
    await StartupTime.RunAsync();
}
