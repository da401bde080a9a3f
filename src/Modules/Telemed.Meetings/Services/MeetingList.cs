using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Meetings.Data;

namespace Telemed.Meetings.Services;

/// <summary>The staff meetings list: filter by patient, provider and state, and search topic, host and provider ids.</summary>
public sealed class MeetingList(MeetingsDb db)
{
    public const int PageSize = 200;
    public const string Problems = "problems";
    private const int CallsShown = 5;

    public async Task<IReadOnlyList<MeetingRow>> FindAsync(MeetingFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking();
        query = filter.State switch
        {
            Problems => query.Where(m => m.LastError != null || m.State == MeetingRecord.Failed),
            { } state when MeetingRecord.States.Contains(state) => query.Where(m => m.State == state),
            _ => query,
        };
        if (filter.Provider is { } provider && MeetingProviders.IsWellFormed(provider))
        {
            query = query.Where(m => m.Provider == provider);
        }

        if (Like(filter.Patient) is { } patient)
        {
            query = query.Where(m => db.Appointments.Any(a => a.SlotKey == m.SlotKey
                && (EF.Functions.ILike(a.PatientName, patient, "\\") || EF.Functions.ILike(a.PatientEmail, patient, "\\"))));
        }

        if (Like(filter.Search) is { } search)
        {
            query = query.Where(m => EF.Functions.ILike(m.Topic, search, "\\") || EF.Functions.ILike(m.HostName, search, "\\")
                || EF.Functions.ILike(m.ExternalId ?? "", search, "\\") || EF.Functions.ILike(m.SlotKey, search, "\\"));
        }

        var meetings = await query.OrderByDescending(m => m.LastError != null).ThenByDescending(m => m.StartUtc).Take(PageSize).ToListAsync(cancellationToken);
        var slots = meetings.Select(m => m.SlotKey).ToList();
        var patients = (await db.Appointments.AsNoTracking().Where(a => slots.Contains(a.SlotKey))
                .Select(a => new { a.SlotKey, a.PatientName, a.Active }).ToListAsync(cancellationToken))
            .ToLookup(a => a.SlotKey);
        var ids = meetings.Select(m => m.Id).ToList();
        var calls = (await db.Calls.AsNoTracking().Where(c => ids.Contains(c.MeetingId)).OrderByDescending(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.MeetingId);
        return meetings.Select(m => new MeetingRow(m,
                patients[m.SlotKey].OrderByDescending(p => p.Active).Select(p => p.PatientName).Distinct().ToList(),
                calls[m.Id].Take(CallsShown).ToList(), calls[m.Id].Count()))
            .ToList();
    }

    public Task<List<string>> ProvidersInUseAsync(CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().Select(m => m.Provider).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);

    /// <summary>A contains-pattern for ILIKE, with the user's own % and _ taken literally and control characters (PostgreSQL refuses NUL) dropped.</summary>
    private static string? Like(string? text)
    {
        var trimmed = text is null ? null : new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        trimmed = trimmed.Length > 100 ? trimmed[..100] : trimmed;
        return "%" + trimmed.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
    }
}

public sealed record MeetingFilter(string? State, string? Provider, string? Patient, string? Search);

public sealed record MeetingRow(MeetingRecord Meeting, IReadOnlyList<string> Patients, IReadOnlyList<ProviderCall> RecentCalls, int CallCount);
