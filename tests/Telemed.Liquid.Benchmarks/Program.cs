using BenchmarkDotNet.Running;
using Telemed.Liquid.Benchmarks;

// `--show` prints what both engines render, to check the templates stay equivalent.
if (args is ["--show"])
{
    var benchmarks = new TemplateBenchmarks();
    benchmarks.Prepare();
    Console.WriteLine(benchmarks.RenderLiquid());
    Console.WriteLine("----");
    Console.WriteLine(benchmarks.RenderHandlebars());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
