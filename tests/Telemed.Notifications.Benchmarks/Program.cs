using BenchmarkDotNet.Running;
using Telemed.Notifications.Benchmarks;

// `--show` prints the rendered confirmation; `load N` measures delivery through the queue to the embedded SMTP server.
if (args is ["--show"])
{
    var benchmarks = new ConfirmationBenchmarks();
    benchmarks.Prepare();
    Console.WriteLine(benchmarks.Show());
    return 0;
}
if (args is ["load", ..])
{
    return await DeliveryLoadRun.RunAsync(args.Length > 1 && int.TryParse(args[1], out var n) ? n : 2000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
