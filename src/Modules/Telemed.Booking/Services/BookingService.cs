using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Services;

/// <summary>
/// Books and moves appointments. The engine says whether a time is on offer; the database has the
/// last word on whether it is still free (see <see cref="SlotClaims"/>), so a race is lost cleanly
/// with <see cref="BookingResult.TakenMessage"/> instead of producing an overlap.
/// </summary>
public sealed class BookingService(BookingDb db, SlotFinder finder, AppointmentEvents events, BookingIdempotency idempotency, TenantContext tenantContext)
{
    /// <summary>
    /// Books the first candidate host whose seat the database grants. With an Idempotency-Key, a key already used
    /// answers with its appointment; a booking that fails checks once more, since it may have lost to its own twin.
    /// </summary>
    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        if (await idempotency.ReplayAsync(request, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var result = await BookOnceAsync(request, cancellationToken);
        return !result.Succeeded && await idempotency.ReplayAsync(request, cancellationToken) is { } twin ? twin : result;
    }

    private async Task<BookingResult> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.ServiceId && s.Active, cancellationToken);
        if (service is null)
        {
            return BookingResult.Fail(BookingFailure.NotFound, "This service does not exist or is no longer offered.");
        }

        var hosts = await finder.HostsOfferingAsync(service.Id, request.HostId, cancellationToken);
        if (hosts.Count == 0)
        {
            return BookingResult.Fail(BookingFailure.NotFound, "This host does not offer this service.");
        }

        var start = request.Start.ToUniversalTime();
        var (candidates, refusal) = await CandidatesAsync(service, hosts, start, request.Minutes, null, request.ByStaff, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        foreach (var host in candidates)
        {
            var appointment = new Appointment
            {
                ServiceId = service.Id,
                HostId = host.Id,
                PatientUserId = request.Patient.UserId,
                PatientName = request.Patient.Name.Trim(),
                PatientEmail = request.Patient.Email.Trim(),
                PatientPhone = string.IsNullOrWhiteSpace(request.Patient.Phone) ? null : request.Patient.Phone.Trim(),
                PatientTimeZone = request.Patient.TimeZone,
                Notes = string.IsNullOrWhiteSpace(request.Patient.Notes) ? null : request.Patient.Notes.Trim(),
                StartUtc = start,
                EndUtc = start.AddMinutes(request.Minutes),
                HostTimeZone = host.TimeZone,
                IdempotencyKey = request.IdempotencyKey,
                IdempotencyFingerprint = request.IdempotencyKey is null ? null : BookingIdempotency.Fingerprint(request),
            };
            var outcome = await TryCommitAsync(service, host, appointment, AppointmentChange.Booked, null, cancellationToken);
            if (outcome.Succeeded || outcome.Failure == BookingFailure.KeyReused)
            {
                return outcome;
            }
        }

        return BookingResult.Taken();
    }

    /// <summary>
    /// Moves a confirmed appointment to another start with the same host and length. Staff (who do not
    /// <paramref name="enforceNotice"/>) may also move it to a time inside the service's minimum notice.
    /// </summary>
    public async Task<BookingResult> RescheduleAsync(Guid appointmentId, DateTimeOffset newStart, string by, bool enforceNotice, CancellationToken cancellationToken)
    {
        newStart = newStart.ToUniversalTime();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return BookingResult.Fail(BookingFailure.NotFound, "This appointment does not exist.");
        }

        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var host = await db.Hosts.AsNoTracking().FirstAsync(h => h.Id == appointment.HostId, cancellationToken);
        if (AppointmentRules.CannotChange(appointment, service, finder.Now, enforceNotice) is { } refused)
        {
            return refused;
        }

        if (newStart.UtcTicks == appointment.StartUtc.UtcTicks)
        {
            return BookingResult.Fail(BookingFailure.Invalid, "The appointment is already at this time.");
        }

        var (_, refusal) = await CandidatesAsync(service, [host], newStart, appointment.DurationMinutes, appointment.SlotId, !enforceNotice, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var previousStart = appointment.StartUtc;
        var oldSlot = appointment.SlotId;
        appointment.Reschedules.Add(new RescheduleEntry(previousStart, newStart, finder.Now, by));
        appointment.EndUtc = newStart + (appointment.EndUtc - appointment.StartUtc);
        appointment.StartUtc = newStart;
        return await TryCommitAsync(service, host, appointment, AppointmentChange.Rescheduled, oldSlot, cancellationToken);
    }

    /// <summary>
    /// The hosts that offer <paramref name="start"/> now, or why none does: in the past, outside
    /// their hours and the booking window, or inside them but already taken.
    /// </summary>
    private async Task<(IReadOnlyList<HostProfile> Hosts, BookingResult? Refusal)> CandidatesAsync(
        Service service, IReadOnlyList<HostProfile> hosts, DateTimeOffset start, int minutes, Guid? releasingSlot, bool byStaff,
        CancellationToken cancellationToken)
    {
        if (!service.Offers(minutes))
        {
            return ([], BookingResult.Fail(BookingFailure.Invalid, $"{service.Name} is offered for {string.Join(", ", service.Durations)} minutes."));
        }

        if (start <= finder.Now)
        {
            return ([], BookingResult.Fail(BookingFailure.InThePast, "This time has already passed. Please choose a time in the future."));
        }

        var exactly = new UtcRange(start, start.AddTicks(1));
        var free = await finder.FindAsync(service, hosts, minutes, exactly, cancellationToken, releasingSlot: releasingSlot, ignoreNotice: byStaff);
        var matching = free.Where(s => s.Slot.Start == start).Select(s => s.Host).ToList();
        if (matching.Count > 0)
        {
            return (matching, null);
        }

        var offered = await finder.FindAsync(service, hosts, minutes, exactly, cancellationToken, ignoreBusy: true, ignoreNotice: byStaff);
        return offered.Any(s => s.Slot.Start == start)
            ? ([], BookingResult.Taken())
            : ([], BookingResult.Fail(BookingFailure.Unavailable,
                "This time is not available: it is outside the host's hours, too soon, or too far ahead. Please choose one of the times offered."));
    }

    /// <summary>
    /// In one transaction: give back the old seat (when moving), take the new one, save, publish.
    /// Taken when the database says the time is held; Changed when someone else edited it first.
    /// </summary>
    private async Task<BookingResult> TryCommitAsync(Service service, HostProfile host, Appointment appointment, AppointmentChange change,
        Guid? oldSlot, CancellationToken cancellationToken)
    {
        var previousStart = change == AppointmentChange.Rescheduled ? appointment.Reschedules[^1].FromUtc : (DateTimeOffset?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        try
        {
            if (oldSlot is { } slot)
            {
                await SlotClaims.GiveBackSeatAsync(connection, dbTransaction, slot, cancellationToken);
            }

            var slotId = await SlotClaims.TakeSeatAsync(connection, dbTransaction, tenantContext.Required.Id, host, service,
                appointment.StartUtc, appointment.EndUtc, cancellationToken);
            if (slotId is null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await ForgetAsync(appointment, change);
                return BookingResult.Taken();
            }

            appointment.SlotId = slotId.Value;
            appointment.UpdatedAt = finder.Now;
            if (change == AppointmentChange.Booked)
            {
                appointment.CreatedAt = finder.Now;
                db.Appointments.Add(appointment);
            }
            else
            {
                appointment.Version++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(change, appointment, service, host, connection, dbTransaction, cancellationToken, previousStart);
            await transaction.CommitAsync(cancellationToken);
            return BookingResult.Ok(appointment);
        }
        catch (Exception exception) when (SlotClaims.IsTaken(exception) || exception is DbUpdateConcurrencyException
            || BookingIdempotency.IsDuplicateKey(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await ForgetAsync(appointment, change);
            return exception is DbUpdateConcurrencyException ? AppointmentRules.Changed()
                : BookingIdempotency.IsDuplicateKey(exception) ? BookingResult.Fail(BookingFailure.KeyReused, "This Idempotency-Key has just booked an appointment.")
                : BookingResult.Taken();
        }
    }

    private async Task ForgetAsync(Appointment appointment, AppointmentChange change)
    {
        if (change == AppointmentChange.Booked)
        {
            db.Entry(appointment).State = EntityState.Detached;
        }
        else
        {
            await db.Entry(appointment).ReloadAsync();
        }
    }
}
