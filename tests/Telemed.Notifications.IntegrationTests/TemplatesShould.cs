using Microsoft.Extensions.DependencyInjection;
using Telemed.Notifications.Models;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.IntegrationTests;

public sealed class TemplatesShould(NotificationHostFixture fixture) : IClassFixture<NotificationHostFixture>
{
    private static readonly TemplateKey PatientEmail = new(NotificationEvent.Booked, NotificationRecipient.Patient, NotificationChannel.Email);
    private static readonly TemplateKey HostEmail = new(NotificationEvent.Booked, NotificationRecipient.Host, NotificationChannel.Email);
    private static readonly TemplateKey PatientSms = new(NotificationEvent.Reminder, NotificationRecipient.Patient, NotificationChannel.Sms);

    [Theory]
    [InlineData("Start: {{ meeting.start_url }}")]
    [InlineData("Start: {{ meeting['start_url'] }}")]
    [InlineData("{% if meeting.start_url %}go{% endif %}")]
    [InlineData("Start: {zoom_meeting_host_url}")]
    public async Task RefuseTheStartLinkInAPatientTemplate(string text)
    {
        var clinic = await fixture.ClinicAsync();
        var result = await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<TemplateStore>()
            .SaveAsync(PatientEmail, new TemplateContent("Hi", "<p>Hi</p>", "Hello\n" + text, ""), true, "test"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Text", error.Field);
        Assert.Equal(2, error.Line);
        Assert.Contains("start link", error.Message);
        var saved = await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<TemplateStore>().GetAsync(PatientEmail));
        Assert.DoesNotContain("start_url", saved.Content.Text);
    }

    [Fact]
    public async Task AllowTheStartLinkInAHostTemplate()
    {
        var clinic = await fixture.ClinicAsync();
        var result = await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<TemplateStore>()
            .SaveAsync(HostEmail, new TemplateContent("New booking", "<a href=\"{zoom_meeting_host_url}\">Start</a>", "Start: {{ meeting.start_url }}", ""), true, "test"));
        Assert.True(result.Succeeded);
        Assert.Equal("<a href=\"{{ meeting.start_url }}\">Start</a>", result.Saved.Html);
    }

    [Fact]
    public async Task ReportASyntaxErrorAtItsLineAndColumn()
    {
        var clinic = await fixture.ClinicAsync();
        var result = await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<TemplateStore>()
            .SaveAsync(PatientSms, new TemplateContent("", "", "", "Hello\n  {% if patient.name %}{{ patient.name }"), true, "test"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Sms", error.Field);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 1);
    }

    [Theory]
    [InlineData("{telemed_join_url}", "{{ meeting.join_url }}")]
    [InlineData("{zoom_meeting_url}", "{{ meeting.join_url }}")]
    [InlineData("{zoom_meeting_password}", "{{ meeting.passcode }}")]
    [InlineData("{meet_link}", "{{ meeting.join_url }}")]
    [InlineData("{appointment_date} at {appointment_time}", "{{ appointment.date }} at {{ appointment.time }}")]
    [InlineData("{patient_name} sees {doctor_name}", "{{ patient.name }} sees {{ host.name }}")]
    [InlineData("{service_name} · {clinic_name}", "{{ service.name }} · {{ clinic.name }}")]
    [InlineData("{{ patient.name }} {% if x %}{unknown_code}{% endif %}", "{{ patient.name }} {% if x %}{unknown_code}{% endif %}")]
    public void TranslateLegacyShortcodes(string legacy, string liquid) => Assert.Equal(liquid, LegacyShortcodes.Translate(legacy));

    [Fact]
    public async Task SaveShortcodesAsTheLiquidTheyBecomeAndKeepHistory()
    {
        var clinic = await fixture.ClinicAsync();
        var (result, history, reset) = await fixture.Host.InTenantAsync(clinic, async s =>
        {
            var store = s.GetRequiredService<TemplateStore>();
            var saved = await store.SaveAsync(PatientSms, new TemplateContent("", "", "", "Hi {patient_name}, join {zoom_meeting_url} ({zoom_meeting_password})"), true, "Ada");
            await store.ResetAsync(PatientSms, "Ada");
            return (saved, await store.HistoryAsync(PatientSms), await store.GetAsync(PatientSms));
        });
        Assert.Equal("Hi {{ patient.name }}, join {{ meeting.join_url }} ({{ meeting.passcode }})", result.Saved.Sms);
        Assert.Equal(["patient_name", "zoom_meeting_url", "zoom_meeting_password"], result.Translated);
        Assert.Equal(3, history.Count); // seeded, edited, reset
        Assert.Contains("translated", history[1].Change);
        Assert.Equal(DefaultTemplates.For(PatientSms), reset.Content);
        Assert.False(reset.Customised);
    }

    [Fact]
    public void SeedEveryDefaultAsValidLiquidWithoutAStartLinkForPatients()
    {
        var validator = fixture.Host.GetRequiredService<TemplateValidator>();
        foreach (var key in DefaultTemplates.Keys)
        {
            Assert.Empty(validator.Validate(key, DefaultTemplates.For(key)));
        }
        var agenda = DefaultTemplates.For(new(NotificationEvent.MeetingDetails, NotificationRecipient.Host, NotificationChannel.Meeting));
        Assert.DoesNotContain("patient", agenda.Text + agenda.Subject);
    }
}
