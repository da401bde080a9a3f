using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using HandlebarsDotNet;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Benchmarks;

/// <summary>
/// Parsing and rendering an appointment confirmation with Telemed.Liquid (HTML mode) against
/// Handlebars.Net rendering the equivalent template, compiled once, with equivalent helpers.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private readonly AppointmentConfirmation _data = AppointmentConfirmation.Sample();
    private LiquidEngine _liquid = null!;
    private LiquidTemplate _liquidTemplate = null!;
    private LiquidValue _liquidModel;
    private IHandlebars _handlebars = null!;
    private HandlebarsTemplate<object, object> _handlebarsTemplate = null!;

    [GlobalSetup]
    public void Setup()
    {
        Prepare();
        var liquid = RenderLiquid();
        var handlebars = RenderHandlebars();
        if (liquid != handlebars)
        {
            throw new InvalidOperationException("The templates render different text; compare them with --show.");
        }
    }

    public void Prepare()
    {
        var options = new LiquidOptions();
        AppointmentConfirmation.Register(options.Members);
        _liquid = new LiquidEngine(options);
        _liquidTemplate = _liquid.Parse(Templates.Liquid);
        _liquidModel = new LiquidObject
        {
            ["clinic"] = LiquidValue.FromObject(_data.Clinic),
            ["host"] = LiquidValue.FromObject(_data.Host),
            ["patient"] = LiquidValue.FromObject(_data.Patient),
            ["appointment"] = LiquidValue.FromObject(_data.Appointment),
            ["meeting"] = LiquidValue.FromObject(_data.Meeting),
            ["attendees"] = LiquidValue.FromObject(_data.Attendees),
            ["instructions"] = LiquidValue.FromObject(_data.Instructions),
        };

        _handlebars = CreateHandlebars();
        _handlebarsTemplate = _handlebars.Compile(Templates.Handlebars);
    }

    [Benchmark]
    public LiquidTemplate ParseLiquid()
    {
        _liquid.ClearCache();
        return _liquid.Parse(Templates.Liquid);
    }

    [Benchmark]
    public HandlebarsTemplate<object, object> CompileHandlebars() => _handlebars.Compile(Templates.Handlebars);

    [Benchmark(Baseline = true)]
    public string RenderHandlebars() => _handlebarsTemplate(_data);

    [Benchmark]
    public string RenderLiquid() => _liquidTemplate.Render(_liquidModel, LiquidRenderSettings.Html);

    private static IHandlebars CreateHandlebars()
    {
        var handlebars = Handlebars.Create();
        handlebars.RegisterHelper("capitalize", (writer, _, arguments) =>
        {
            var text = arguments[0]?.ToString() ?? string.Empty;
            writer.Write(text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant());
        });
        handlebars.RegisterHelper("upcase", (writer, _, arguments) => writer.Write(arguments[0]?.ToString()?.ToUpperInvariant() ?? string.Empty));
        // Zones are cached as the Liquid engine caches them, so both do the same work per date.
        var zones = new ConcurrentDictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        handlebars.RegisterHelper("date", (writer, _, arguments) =>
        {
            var zone = zones.GetOrAdd(arguments[2]?.ToString() ?? "UTC", TimeZoneInfo.FindSystemTimeZoneById);
            var local = TimeZoneInfo.ConvertTime(arguments[0] is DateTimeOffset instant ? instant : default, zone);
            writer.Write(local.ToString(arguments[1]?.ToString(), CultureInfo.InvariantCulture));
        });
        handlebars.RegisterHelper("add", (writer, _, arguments) => writer.Write(Convert.ToInt32(arguments[0], CultureInfo.InvariantCulture) + Convert.ToInt32(arguments[1], CultureInfo.InvariantCulture)));
        handlebars.RegisterHelper("eq", (_, arguments) => Equals(arguments[0], arguments[1]));
        return handlebars;
    }
}
