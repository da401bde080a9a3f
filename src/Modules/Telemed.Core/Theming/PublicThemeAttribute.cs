namespace Telemed.Core.Theming;

/// <summary>
/// Declares that an assembly is a public clinic theme, as data (the theme's <c>ThemeManifest.cs</c>):
/// <c>[assembly: PublicTheme("calm", "Calm", "_CalmLayout")]</c>. A clinic's <see cref="Tenancy.Tenant.Theme"/> names one.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PublicThemeAttribute(string name, string displayName, string layout) : Attribute
{
    /// <summary>What recipes and the tenants table store ("clinic", "calm").</summary>
    public string Name { get; } = name;

    /// <summary>What the operator sees when choosing a theme.</summary>
    public string DisplayName { get; } = displayName;

    /// <summary>The Razor layout public pages use under this theme.</summary>
    public string Layout { get; } = layout;
}
