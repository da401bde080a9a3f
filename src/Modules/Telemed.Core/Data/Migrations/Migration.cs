namespace Telemed.Core.Data.Migrations;

/// <summary>One versioned schema change of a module, written as SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// A module's ordered migrations. <see cref="Module"/> is the module's manifest id: modules migrate in start-up
/// order, so a module's tables exist before those of the modules that require it.
/// </summary>
public interface IMigrationSource
{
    string Module { get; }
    IReadOnlyList<Migration> Migrations { get; }
}
