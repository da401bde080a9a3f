using System.Diagnostics;
using Telemed.Testing;
using Telemed.Zoom.LoadRun;

// dotnet run -c Release --project tests/Telemed.Zoom.LoadRun -- [bookings=1000] [hosts=20] [failureRatio=0.2] [googleShare=0.5]
var bookings = args.Length > 0 ? int.Parse(args[0]) : 1000;
var hosts = args.Length > 1 ? int.Parse(args[1]) : 20;
var ratio = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0.2;
var googleShare = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0.5;

Console.WriteLine($"Fault run: {bookings} bookings over {hosts} hosts ({googleShare:P0} on Google Meet, the rest on Zoom), {ratio:P0} of sandbox calls failing (5xx, 429, timeouts).");
await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
{
    ["Jobs:Workers"] = "16",
    ["Zoom:RequestTimeout"] = "00:00:01",
    ["Google:RequestTimeout"] = "00:00:01",
    ["Logging:LogLevel:Default"] = "Error",
    ["Sandbox:RequestLogCapacity"] = "500000",
});
var run = new FaultRun(host, bookings, hosts, ratio, googleShare);
await run.ArrangeAsync();
Console.WriteLine($"{run.GoogleHosts} hosts connected to Google, {hosts - run.GoogleHosts} to Zoom.");

var clock = Stopwatch.StartNew();
await run.BookAsync();
var settled = await run.WaitUntilSettledAsync(TimeSpan.FromMinutes(20), progress => Console.WriteLine($"  {clock.Elapsed:mm\\:ss} {progress}"));
clock.Stop();

var report = await run.CountAsync();
Console.WriteLine($"Elapsed: {clock.Elapsed.TotalSeconds:0.0} s (bookings published and every meeting settled)");
Console.WriteLine(report);
return settled && report.Exact ? 0 : 1;
