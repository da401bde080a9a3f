namespace Telemed.Core.Navigation;

/// <summary>A place in the admin menu: a link, or a drop-down of the links of one group.</summary>
public sealed record AdminMenuEntry(string Title, IReadOnlyList<AdminMenuItem> Items)
{
    public bool IsGroup => Items.Count > 1;

    /// <summary>Whether the item is this entry or one of its group.</summary>
    public bool Contains(AdminMenuItem item) => Items.Contains(item);
}

public static class AdminMenu
{
    /// <summary>
    /// The entries in menu order: each group where its first item would be, as a drop-down, and a group the user sees only
    /// one item of as that item's own link (a doctor needs no "Video" menu holding one page).
    /// </summary>
    public static IReadOnlyList<AdminMenuEntry> Arrange(IEnumerable<AdminMenuItem> visibleItems)
    {
        var ordered = visibleItems.OrderBy(i => i.Order).ToList();
        var entries = new List<AdminMenuEntry>();
        foreach (var item in ordered)
        {
            if (item.Group is null)
            {
                entries.Add(new AdminMenuEntry(item.Title, [item]));
            }
            else if (!entries.Any(e => e.Items[0].Group == item.Group))
            {
                var members = ordered.Where(i => i.Group == item.Group).ToList();
                entries.Add(new AdminMenuEntry(members.Count > 1 ? item.Group : item.Title, members));
            }
        }
        return entries;
    }

    /// <summary>The item whose page this is: the longest path the request starts with (the dashboard only for itself).</summary>
    public static AdminMenuItem? Current(IEnumerable<AdminMenuItem> items, string requestPath) => items
        .Where(i => requestPath.Equals(i.Path, StringComparison.OrdinalIgnoreCase)
            || (i.Path is not "/admin" and not "/platform" && requestPath.StartsWith(i.Path + "/", StringComparison.OrdinalIgnoreCase)))
        .MaxBy(i => i.Path.Length);
}
