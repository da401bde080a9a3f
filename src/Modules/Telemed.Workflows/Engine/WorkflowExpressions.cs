using System.Text.Json.Nodes;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Core.Workflows;
using Telemed.Liquid;
using Telemed.Liquid.Values;

namespace Telemed.Workflows.Engine;

/// <summary>
/// Liquid for workflow properties: the appointment, its meeting (join link, never the host's start link), the happening
/// and the clinic, with the clinic's time zone for <c>date</c>. Conditions are written as in <c>{% if … %}</c>.
/// </summary>
public sealed class WorkflowExpressions(ILiquidEngine liquid, TenantContext tenantContext, TimeProvider clock)
{
    private const string ConditionPrefix = "{% if ";
    public static int ConditionPrefixLength => ConditionPrefix.Length;

    public static string ConditionTemplate(string condition) => $"{ConditionPrefix}{condition} %}}true{{% endif %}}";

    public string Render(string template, AppointmentChanged? appointment, MeetingChanged? meeting, WorkflowEvent trigger) =>
        liquid.Render(template, Model(appointment, meeting, trigger), Settings());

    public bool Evaluate(string condition, AppointmentChanged? appointment, MeetingChanged? meeting, WorkflowEvent trigger) =>
        Render(ConditionTemplate(condition), appointment, meeting, trigger) == "true";

    private LiquidRenderSettings Settings()
    {
        var zoneId = tenantContext.Tenant?.TimeZone;
        return new LiquidRenderSettings
        {
            Clock = clock,
            TimeZone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc,
        };
    }

    private LiquidValue Model(AppointmentChanged? appointment, MeetingChanged? meeting, WorkflowEvent trigger)
    {
        var now = clock.GetUtcNow();
        var model = new Dictionary<string, object?>
        {
            ["event"] = new Dictionary<string, object?> { ["name"] = trigger.Name, ["data"] = ToObject(trigger.Data) },
            ["clinic"] = new Dictionary<string, object?> { ["name"] = tenantContext.Tenant?.Name, ["time_zone"] = tenantContext.Tenant?.TimeZone },
            ["now"] = now,
        };
        if (appointment is not null)
        {
            model["appointment"] = new Dictionary<string, object?>
            {
                ["id"] = appointment.AppointmentId,
                ["status"] = appointment.Status,
                ["change"] = appointment.Change.ToString(),
                ["start"] = appointment.StartUtc,
                ["end"] = appointment.EndUtc,
                ["minutes_until_start"] = (long)Math.Floor((appointment.StartUtc - now).TotalMinutes),
                ["is_upcoming"] = appointment.EndUtc > now,
                ["is_group"] = appointment.Capacity > 1,
                ["telemed"] = appointment.Telemed,
                ["cancellation_reason"] = appointment.CancellationReason,
                ["host_time_zone"] = appointment.HostTimeZone,
            };
            model["service"] = new Dictionary<string, object?> { ["id"] = appointment.ServiceId, ["name"] = appointment.ServiceName, ["meeting_provider"] = appointment.MeetingProvider };
            model["host"] = new Dictionary<string, object?> { ["id"] = appointment.HostId, ["name"] = appointment.HostName, ["time_zone"] = appointment.HostTimeZone };
            model["patient"] = new Dictionary<string, object?>
            {
                ["name"] = appointment.PatientName, ["email"] = appointment.PatientEmail, ["phone"] = appointment.PatientPhone, ["time_zone"] = appointment.PatientTimeZone,
            };
        }
        if (meeting is not null)
        {
            model["meeting"] = new Dictionary<string, object?>
            {
                ["provider"] = meeting.Provider,
                ["state"] = meeting.State.ToString().ToLowerInvariant(),
                ["join_url"] = meeting.JoinUrl,
                ["passcode"] = meeting.Passcode,
                ["error"] = meeting.Change == MeetingChange.Failed ? meeting.Reason : null,
            };
        }
        return LiquidValue.FromObject(model);
    }

    private static object? ToObject(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToObject(p.Value)),
        JsonArray array => array.Select(ToObject).ToList(),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) => real,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => null,
    };
}
