using System.Text;

namespace SkillHost.Installer.Files;

/// <summary>Prints planned changes for <c>--dry-run</c>: a line diff for config files, a one-line note for copied files.</summary>
public static class ChangePrinter
{
    public static void Print(IEnumerable<FileChange> changes, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var change in changes)
        {
            var verb = change.IsDelete ? "delete" : change.IsCreate ? "create" : "modify";
            writer.WriteLine($"{verb} {change.Path} — {change.Description}");
            if (!change.ShowDiff || change.IsDelete)
            {
                continue;
            }

            foreach (var line in Diff(Lines(change.Before), Lines(change.After)))
            {
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>The changed block between the common first and last lines, as <c>@@ line N @@</c>, <c>-</c> and <c>+</c> lines.</summary>
    public static IEnumerable<string> Diff(string[] before, string[] after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        if (prefix == before.Length && prefix == after.Length)
        {
            yield break;
        }

        yield return $"  @@ line {prefix + 1} @@";
        for (var i = prefix; i < before.Length - suffix; i++)
        {
            yield return "  - " + before[i];
        }

        for (var i = prefix; i < after.Length - suffix; i++)
        {
            yield return "  + " + after[i];
        }
    }

    // Lines without their endings; a line ending change (CRLF) shows as the same line, which is right: the editor keeps them.
    private static string[] Lines(byte[]? bytes) =>
        bytes is null ? [] : Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
}
