using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;

namespace Telemed.Workflows.Engine;

/// <summary>What saving a workflow came to: its new version, whether it runs, and what keeps it from running.</summary>
public sealed record WorkflowSaveResult(Guid Id, int Version, bool Enabled, IReadOnlyList<WorkflowProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public sealed class WorkflowImportException(string message) : Exception(message);

/// <summary>
/// A clinic's workflows: every save is a new version with who and when (an earlier one can be restored); a graph with
/// problems is kept as a disabled draft. The first time a clinic's workflows are needed it gets the defaults, unless its
/// recipe set them up.
/// </summary>
public sealed class WorkflowStore(WorkflowsDb db, WorkflowValidator validator, TenantContext tenantContext, TimeProvider clock, ILogger<WorkflowStore> logger)
{
    public const int MaxNameLength = 120;

    public Task<List<WorkflowType>> ListAsync(CancellationToken cancellationToken) =>
        db.Types.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<WorkflowType?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public IReadOnlyList<WorkflowProblem> ProblemsOf(WorkflowType type) =>
        type.Problems is null ? [] : JsonSerializer.Deserialize<List<WorkflowProblem>>(type.Problems, WorkflowDefinition.Json) ?? [];

    public async Task<WorkflowSaveResult> CreateAsync(WorkflowDocument document, string? user, string note, CancellationToken cancellationToken)
    {
        var name = Name(document.Name);
        var now = clock.GetUtcNow();
        var type = new WorkflowType { Name = name, Description = document.Description, CreatedAt = now };
        db.Types.Add(type);
        return await SaveVersionAsync(type, document.Definition, user, note, document.Enabled, cancellationToken);
    }

    /// <summary>Saves a new version. <paramref name="enable"/> null keeps the workflow on or off as it was (off when it has problems).</summary>
    public async Task<WorkflowSaveResult?> SaveAsync(Guid id, string name, string? description, WorkflowDefinition definition, bool? enable, string? user, string? note,
        CancellationToken cancellationToken)
    {
        var type = await db.Types.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return null;
        }
        type.Name = Name(name);
        type.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        return await SaveVersionAsync(type, definition, user, note ?? "Edited", enable ?? type.Enabled, cancellationToken);
    }

    /// <summary>Turns a workflow on or off; a workflow with problems cannot be turned on (they are returned).</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> SetEnabledAsync(Guid id, bool enabled, string? user, CancellationToken cancellationToken)
    {
        var type = await db.Types.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return [new(null, "There is no such workflow.")];
        }
        var problems = ProblemsOf(type);
        if (enabled && problems.Count > 0)
        {
            return problems;
        }
        type.Enabled = enabled;
        type.UpdatedAt = clock.GetUtcNow();
        type.UpdatedBy = user;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<WorkflowSaveResult?> DuplicateAsync(Guid id, string? user, CancellationToken cancellationToken)
    {
        var type = await FindAsync(id, cancellationToken);
        if (type is null)
        {
            return null;
        }
        var copy = Document(type);
        copy.Name = Name($"{type.Name} (copy)");
        copy.Enabled = false;
        return await CreateAsync(copy, user, $"Copied from {type.Name}", cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Types.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public static WorkflowDocument Document(WorkflowType type)
    {
        var definition = WorkflowDefinition.Parse(type.Definition);
        return new WorkflowDocument
        {
            Name = type.Name, Description = type.Description, Enabled = type.Enabled, Activities = definition.Activities, Transitions = definition.Transitions,
        };
    }

    /// <summary>Reads an exported workflow; throws <see cref="WorkflowImportException"/> with what is wrong.</summary>
    public static WorkflowDocument ParseDocument(string json)
    {
        WorkflowDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<WorkflowDocument>(json, WorkflowDefinition.Json);
        }
        catch (JsonException exception)
        {
            throw new WorkflowImportException($"This is not a workflow export: {exception.Message}");
        }
        if (document is null || string.IsNullOrWhiteSpace(document.Name))
        {
            throw new WorkflowImportException("A workflow export needs a name.");
        }
        if (document.Activities.Count > WorkflowValidator.MaxActivities * 2 || document.Transitions.Count > WorkflowValidator.MaxActivities * 10)
        {
            throw new WorkflowImportException("This workflow is too large to import.");
        }
        return document;
    }

    public Task<List<WorkflowTypeVersion>> VersionsAsync(Guid id, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().Where(v => v.WorkflowTypeId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);

    /// <summary>Saves an earlier version's graph as the newest version.</summary>
    public async Task<WorkflowSaveResult?> RestoreAsync(Guid id, int version, string? user, CancellationToken cancellationToken)
    {
        var old = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.WorkflowTypeId == id && v.Version == version, cancellationToken);
        var type = await db.Types.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (old is null || type is null)
        {
            return null;
        }
        type.Name = old.Name;
        return await SaveVersionAsync(type, WorkflowDefinition.Parse(old.Definition), user, $"Restored version {version}", type.Enabled, cancellationToken);
    }

    /// <summary>
    /// Gives a clinic the default workflows the first time its workflows are needed, unless they were set up (by its
    /// recipe, or before). Several nodes may ask at once: only the one that marks the clinic installs them.
    /// </summary>
    public async Task EnsureSetUpAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.Required.Id;
        if (SetUp.ContainsKey(tenantId))
        {
            return;
        }
        if (!await db.Setups.AsNoTracking().AnyAsync(s => s.How != null, cancellationToken))
        {
            await SetUpAsync("defaults", DefaultWorkflows.Load(), cancellationToken);
        }
        SetUp.TryAdd(tenantId, true);
    }

    /// <summary>Clinics known to be set up: being set up is never undone, so this node need not ask again.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> SetUp = new();

    /// <summary>Installs workflows as the clinic's set-up (a recipe's); false when the clinic was already set up.</summary>
    public async Task<bool> SetUpAsync(string how, IReadOnlyList<WorkflowDocument> workflows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenantId = tenantContext.Required.Id;
        await db.Database.ExecuteSqlAsync($"INSERT INTO workflow_setup (tenant_id) VALUES ({tenantId}) ON CONFLICT (tenant_id) DO NOTHING", cancellationToken);
        var now = clock.GetUtcNow();
        var marked = await db.Database.ExecuteSqlAsync(
            $"UPDATE workflow_setup SET how = {how}, set_up_at = {now} WHERE tenant_id = {tenantId} AND how IS NULL", cancellationToken);
        if (marked == 0)
        {
            return false;
        }
        foreach (var workflow in workflows)
        {
            var result = await CreateAsync(workflow, how == "defaults" ? "Defaults" : "Recipe", how == "defaults" ? "Installed with the clinic's defaults" : $"Installed by the {how}", cancellationToken);
            if (workflow.Enabled && !result.Enabled)
            {
                logger.LogWarning("Workflow {Name} was installed disabled: {Problems}", workflow.Name, string.Join("; ", result.Problems.Select(p => p.Message)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<WorkflowSaveResult> SaveVersionAsync(WorkflowType type, WorkflowDefinition definition, string? user, string note, bool enable,
        CancellationToken cancellationToken)
    {
        var problems = validator.Validate(definition);
        var now = clock.GetUtcNow();
        type.Version++;
        type.Definition = definition.ToJson();
        type.StartEvents = validator.StartActivities(definition).Select(n => n.Type).Distinct().ToArray();
        type.Problems = problems.Count == 0 ? null : JsonSerializer.Serialize(problems, WorkflowDefinition.Json);
        type.Enabled = enable && problems.Count == 0;
        type.UpdatedAt = now;
        type.UpdatedBy = user;
        db.Versions.Add(new WorkflowTypeVersion
        {
            WorkflowTypeId = type.Id, Version = type.Version, Name = type.Name, Definition = type.Definition, Note = note, SavedBy = user, SavedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new WorkflowSaveResult(type.Id, type.Version, type.Enabled, problems);
    }

    private static string Name(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new WorkflowImportException("A workflow needs a name.");
        }
        return trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
    }
}
