using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Liquid;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Benchmarks;

/// <summary>One booking confirmation e-mail as the product renders it: subject, HTML, text and the ICS invite.</summary>
/// In-process: the project references the whole host (for the load run), which BenchmarkDotNet would otherwise rebuild per run.
[MemoryDiagnoser]
[InProcess]
public class ConfirmationBenchmarks
{
    private static readonly TemplateKey Key = new(NotificationEvent.Booked, NotificationRecipient.Patient, NotificationChannel.Email);
    private MessageRenderer _renderer = null!;
    private MessageContext _context = null!;
    private TemplateContent _template = null!;

    [GlobalSetup]
    public void Prepare()
    {
        var services = new ServiceCollection().AddLiquid(o => o.ParseMode = LiquidParseMode.Strict).BuildServiceProvider();
        var engine = services.GetRequiredService<ILiquidEngine>();
        _renderer = new MessageRenderer(engine, TimeProvider.System, new TemplateValidator(engine));
        _template = DefaultTemplates.For(Key);
        var clinic = new Tenant(Guid.NewGuid(), "demo", "Demo Clinic", [], TenantState.Active, "clinic", "Europe/London", DateTimeOffset.UtcNow);
        var appointment = SampleData.Appointment(clinic, DateTimeOffset.UtcNow) with { PatientTimeZone = "America/New_York" };
        _context = new MessageContext(clinic, "https://demo.example.com", appointment, SampleData.Meeting() with { StartUrl = null },
            "https://demo.example.com/book/manage/CfDJ8EuU16AF-NRIngOJFMReE-zDrrUno3uluZZQwUEsYAXSLatOLvFbJAdr1Vp", "https://demo.example.com/admin/appointments/1");
    }

    [Benchmark(Description = "confirmation e-mail: subject + HTML + text")]
    public int RenderParts()
    {
        var message = _renderer.Render(Key, _template, _context);
        return message.Html.Length + message.Text.Length + message.Subject.Length;
    }

    [Benchmark(Description = "ICS invite (Ical.Net)")]
    public int RenderInvite() =>
        IcsInvite.Write(_context.Appointment, _context.Clinic.Name, "no-reply@telemed.local", "sam@example.org", _context.Meeting!.JoinUrl, _context.ManageUrl, DateTimeOffset.UtcNow).Length;

    [Benchmark(Baseline = true, Description = "confirmation e-mail: subject + HTML + text + ICS")]
    public int RenderMessage() => RenderParts() + RenderInvite();

    public string Show() => string.Join("\n----\n", _renderer.Render(Key, _template, _context) is var m ? new[] { m.Subject, m.Html, m.Text } : [],
        IcsInvite.Write(_context.Appointment, _context.Clinic.Name, "no-reply@telemed.local", "sam@example.org", _context.Meeting!.JoinUrl, _context.ManageUrl, DateTimeOffset.UtcNow));
}
