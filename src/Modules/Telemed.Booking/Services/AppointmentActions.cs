using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>Cancel, complete, no-show and delete: each a status change, its seat and its event in one transaction.</summary>
public sealed class AppointmentActions(BookingDb db, AppointmentEvents events, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<BookingResult> CancelAsync(Guid appointmentId, string reason, string by, bool enforceNotice, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return BookingResult.Fail(BookingFailure.Invalid, $"Please give a reason (at most {MaxReasonLength} characters).");
        }
        return await CancelWithAsync(appointmentId, reason.Trim(), by, enforceNotice, cancellationToken);
    }

    /// <summary>The patient's own cancel, within the service's notice; saying why is up to them.</summary>
    public async Task<BookingResult> CancelForPatientAsync(Guid appointmentId, string? reason, CancellationToken cancellationToken)
    {
        if (reason?.Length > MaxReasonLength)
        {
            return BookingResult.Fail(BookingFailure.Invalid, $"Please keep the reason to {MaxReasonLength} characters.");
        }
        return await CancelWithAsync(appointmentId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), "patient", enforceNotice: true, cancellationToken);
    }

    private Task<BookingResult> CancelWithAsync(Guid appointmentId, string? reason, string by, bool enforceNotice, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, AppointmentChange.Cancelled, cancellationToken, (appointment, service) =>
        {
            if (AppointmentRules.CannotChange(appointment, service, clock.GetUtcNow(), enforceNotice) is { } refused)
            {
                return refused;
            }
            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancellationReason = reason;
            appointment.CancelledBy = by;
            return null;
        });

    public Task<BookingResult> RecordOutcomeAsync(Guid appointmentId, bool attended, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, attended ? AppointmentChange.Completed : AppointmentChange.NoShow, cancellationToken, (appointment, _) =>
        {
            if (!AppointmentRules.MayRecordOutcome(appointment, clock.GetUtcNow()))
            {
                return BookingResult.Fail(BookingFailure.Invalid, appointment.IsConfirmed
                    ? "An appointment can be marked completed or no-show once it has started."
                    : "Only confirmed appointments can be marked completed or no-show.");
            }
            appointment.Status = attended ? AppointmentStatus.Completed : AppointmentStatus.NoShow;
            return null;
        });

    public Task<BookingResult> DeleteAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        ChangeAsync(appointmentId, AppointmentChange.Deleted, cancellationToken, (appointment, _) =>
            AppointmentRules.MayDelete(appointment, clock.GetUtcNow())
                ? null
                : BookingResult.Fail(BookingFailure.Invalid, "Only cancelled appointments or appointments that have ended can be deleted."));

    /// <summary>Applies <paramref name="apply"/> (which returns a refusal or null) and commits it with its event.</summary>
    private async Task<BookingResult> ChangeAsync(Guid appointmentId, AppointmentChange change, CancellationToken cancellationToken,
        Func<Appointment, Service, BookingResult?> apply)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return BookingResult.Fail(BookingFailure.NotFound, "This appointment does not exist.");
        }

        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var host = await db.Hosts.AsNoTracking().FirstAsync(h => h.Id == appointment.HostId, cancellationToken);
        var heldSeat = appointment.IsConfirmed || appointment.Status is AppointmentStatus.Completed or AppointmentStatus.NoShow;
        if (apply(appointment, service) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var releasesSeat = heldSeat && change is AppointmentChange.Cancelled or AppointmentChange.Deleted;
        if (releasesSeat)
        {
            await SlotClaims.GiveBackSeatAsync(connection, dbTransaction, appointment.SlotId, cancellationToken);
        }

        if (change == AppointmentChange.Deleted)
        {
            db.Appointments.Remove(appointment);
        }
        else
        {
            appointment.Version++;
            appointment.UpdatedAt = clock.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return AppointmentRules.Changed();
        }

        await events.PublishAsync(change, appointment, service, host, connection, dbTransaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return BookingResult.Ok(appointment);
    }
}
