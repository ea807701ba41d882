using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SkillHost.Skills;

/// <summary>The skill's review checklist: the section under a "checklist" heading, split into groups.</summary>
public sealed record Checklist(string Title, int Line, ImmutableArray<ChecklistGroup> Groups)
{
    /// <summary>Every item of every group, in document order.</summary>
    [JsonIgnore]
    public IEnumerable<ChecklistItem> AllItems => Groups.SelectMany(g => g.Items);
}

/// <summary>Checklist items under one sub-heading; <paramref name="Title"/> is null for items directly under the checklist heading.</summary>
public sealed record ChecklistGroup(string? Title, int Line, ImmutableArray<ChecklistItem> Items);

/// <summary>A checklist item: its text (slug removed), its slug such as <c>python/quadratic</c> when given, and its task-list state.</summary>
/// <param name="Checked">True/false for task-list items (<c>- [x]</c> / <c>- [ ]</c>), null for plain list items.</param>
public sealed record ChecklistItem(string Text, string? Slug, bool? Checked, int Line);
