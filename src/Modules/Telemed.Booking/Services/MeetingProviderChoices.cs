using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>The meeting providers a service can choose: whatever the installed provider modules registered.</summary>
public sealed class MeetingProviderChoices(IEnumerable<MeetingProviderOption> installed)
{
    private readonly IReadOnlyList<MeetingProviderOption> _installed = installed.DistinctBy(o => o.Id).ToList();

    public IReadOnlyList<MeetingProviderOption> Installed => _installed;

    /// <summary>The installed options, plus <paramref name="current"/> when a service names a provider no longer (or not yet) installed.</summary>
    public IReadOnlyList<MeetingProviderOption> OptionsIncluding(string? current) =>
        current is null or MeetingProviders.None || _installed.Any(o => o.Id == current)
            ? _installed
            : [.. _installed, new MeetingProviderOption(current, $"{current} (not installed)")];

    public bool IsInstalled(string provider) => _installed.Any(o => o.Id == provider);

    public string NameOf(string provider) => _installed.FirstOrDefault(o => o.Id == provider)?.Name ?? provider;
}
