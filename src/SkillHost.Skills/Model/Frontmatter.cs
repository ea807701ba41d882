using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SkillHost.Skills.Json;

namespace SkillHost.Skills;

/// <summary>A node of the YAML frontmatter: a scalar, a map or a list. Serialised as plain JSON (string/null, object, array).</summary>
[JsonConverter(typeof(FrontmatterValueJsonConverter))]
public abstract record FrontmatterValue(int Line);

/// <summary>A YAML scalar as written; <paramref name="Quoted"/> tells "yes" (a string) from yes (plain, typed by YAML's schema).</summary>
public sealed record FrontmatterScalar(string Text, bool Quoted, int Line) : FrontmatterValue(Line)
{
    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar: YAML's null.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A YAML list.</summary>
public sealed record FrontmatterList(ImmutableArray<FrontmatterValue> Items, int Line) : FrontmatterValue(Line);

/// <summary>A YAML map, entries in source order.</summary>
[JsonConverter(typeof(FrontmatterValueJsonConverter))]
public sealed record FrontmatterMap(ImmutableArray<FrontmatterEntry> Entries, int Line) : FrontmatterValue(Line)
{
    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public FrontmatterEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);

    /// <summary>The text of <paramref name="key"/> when it is a non-null scalar.</summary>
    public string? GetString(string key) =>
        Find(key)?.Value is FrontmatterScalar { IsNull: false } scalar ? scalar.Text : null;
}

/// <summary>One <c>key: value</c> of a map, with the key's 1-based line in the SKILL.md file.</summary>
public sealed record FrontmatterEntry(string Key, FrontmatterValue Value, int Line);
