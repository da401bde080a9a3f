namespace Telemed.Core.Data.Migrations;

/// <summary>One versioned schema change of a module, written as SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>A module's ordered migrations. <see cref="Order"/> sorts modules (the kernel first).</summary>
public interface IMigrationSource
{
    string Module { get; }
    int Order => 0;
    IReadOnlyList<Migration> Migrations { get; }
}
