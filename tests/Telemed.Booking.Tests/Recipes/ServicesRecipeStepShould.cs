using System.Text.Json;
using Telemed.Booking.Recipes;

namespace Telemed.Booking.Tests.Recipes;

/// <summary>The services recipe step checks services with the admin form's own rules.</summary>
public sealed class ServicesRecipeStepShould
{
    [Fact]
    public void ReportEachProblemWithTheFormsMessage()
    {
        using var step = JsonDocument.Parse("""
            { "step": "services", "services": [
              { "name": "Fine", "durations": [30], "telemed": true, "meetingProvider": "Zoom" },
              { "name": "", "durations": [3], "capacity": 0, "telemed": true, "meetingProvider": "None", "horizonDays": 0 } ] }
            """);

        var problems = new ServicesRecipeStep().Validate(step.RootElement).ToList();

        Assert.Equal(
        [
            "service 2 (Name): Give the service a name.",
            "service 2 (Capacity): From 1 to 500 seats.",
            "service 2 (HorizonDays): From 1 to 730 days.",
            "service 2 (Durations): '3' is not a length from 5 to 480 minutes.",
            "service 2 (MeetingProvider): A video service needs a meeting provider.",
        ], problems);
    }
}
