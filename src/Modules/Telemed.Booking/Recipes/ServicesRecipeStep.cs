using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Pages.Booking;
using Telemed.Core.Clinic;
using Telemed.Core.Recipes;

namespace Telemed.Booking.Recipes;

/// <summary>
/// <c>{ "step": "services", "services": [ { "name", "description", "durations": [30], "telemed",
/// "meetingProvider": "zoom|google-meet|host|none", "capacity", "bufferBefore", "bufferAfter",
/// "minimumNoticeMinutes", "horizonDays", "changeNoticeMinutes" } ] }</c>. A service whose name
/// already exists in the clinic is left as it is.
/// </summary>
public sealed class ServicesRecipeStep : IRecipeStep
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string Name => "services";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var (services, error) = Read(step);
        if (error is not null)
        {
            return [error];
        }
        return services.SelectMany((service, index) => Problems(service, index + 1));
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<BookingDb>();
        foreach (var item in Read(context.Step).Services)
        {
            if (await db.Services.AnyAsync(s => s.Name == item.Name, cancellationToken))
            {
                continue;
            }
            db.Services.Add(new Service
            {
                Name = item.Name!,
                Description = item.Description,
                Durations = item.Durations!.Order().ToArray(),
                Telemed = item.Telemed,
                MeetingProvider = item.Telemed ? MeetingProviders.Normalize(item.MeetingProvider) : MeetingProviders.None,
                Capacity = item.Capacity,
                BufferBeforeMinutes = item.BufferBefore,
                BufferAfterMinutes = item.BufferAfter,
                MinimumNoticeMinutes = item.MinimumNoticeMinutes,
                HorizonDays = item.HorizonDays,
                ChangeNoticeMinutes = item.ChangeNoticeMinutes,
                Active = item.Active,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (IReadOnlyList<ServiceData> Services, string? Error) Read(JsonElement step)
    {
        if (!step.TryGetProperty("services", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return ([], "\"services\" must be a list");
        }
        try
        {
            return (list.Deserialize<List<ServiceData>>(Json) ?? [], null);
        }
        catch (JsonException exception)
        {
            return ([], $"a service is not in the expected shape: {exception.Message}");
        }
    }

    /// <summary>The same rules as the admin form: the step's data is checked as the form would check it.</summary>
    private static IEnumerable<string> Problems(ServiceData service, int index)
    {
        var input = new ServiceInput
        {
            Name = service.Name,
            Description = service.Description,
            Durations = service.Durations is { } durations ? string.Join(", ", durations) : null,
            Telemed = service.Telemed,
            MeetingProvider = service.MeetingProvider,
            Capacity = service.Capacity,
            BufferBefore = service.BufferBefore,
            BufferAfter = service.BufferAfter,
            MinimumNotice = service.MinimumNoticeMinutes,
            HorizonDays = service.HorizonDays,
            ChangeNotice = service.ChangeNoticeMinutes,
        };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results.Select(r => (Field: r.MemberNames.FirstOrDefault() ?? "", Message: r.ErrorMessage ?? ""))
            .Concat(input.RuleProblems(out _))
            .Select(problem => $"service {index} ({problem.Field}): {problem.Message}");
    }

    private sealed record ServiceData(
        string? Name,
        string? Description,
        int[]? Durations,
        bool Telemed = false,
        string? MeetingProvider = MeetingProviders.None,
        int Capacity = 1,
        int BufferBefore = 0,
        int BufferAfter = 0,
        int MinimumNoticeMinutes = 0,
        int HorizonDays = 60,
        int ChangeNoticeMinutes = 0,
        bool Active = true);
}
