using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Measuring;

/// <summary>
/// The case's code with a report's patch applied, so the eval can run it. A patch sketch is read the way a reviewer
/// applies one: a diff's hunks replace their old lines; a block labelled "before" followed by a block of new code that is
/// introduced as the change ("After:") or shares a line with it replaces those lines; a block of new code that defines a function the case's file defines replaces that function.
/// Lines are compared without trailing spaces; an edit whose old lines the file does not hold is skipped with a note.
/// A sketch that is a pattern from elsewhere (a function the file does not have) changes nothing: then there is no
/// runnable patch, and the advice is not measured.
/// </summary>
public static partial class PatchedCode
{
    /// <summary>The patched code and what was applied, or null code with the reason nothing could be.</summary>
    public static (string? Code, string Note) Apply(string original, ImmutableArray<PatchCode> blocks, CaseLanguage language)
    {
        ArgumentNullException.ThrowIfNull(original);
        var code = original.Replace("\r\n", "\n", StringComparison.Ordinal);
        var applied = new List<string>();
        var skipped = new List<string>();
        string? pendingBefore = null;
        foreach (var block in blocks)
        {
            if (!Fits(block.Language, language))
            {
                continue;
            }

            if (IsDiff(block))
            {
                foreach (var (oldLines, newLines) in Hunks(block.Code))
                {
                    Record(ReplaceLines(ref code, oldLines, newLines), "a diff hunk", applied, skipped);
                }

                pendingBefore = null;
            }
            else if (block.NewCode.Length == 0)
            {
                pendingBefore = block.Code;
            }
            else if (pendingBefore is not null && (block.LabelledAfter || SharesALine(pendingBefore, block.NewCode)))
            {
                Record(ReplaceLines(ref code, Lines(pendingBefore), Lines(block.NewCode)), "a before/after pair", applied, skipped);
                pendingBefore = null;
            }
            else
            {
                foreach (var name in DefinedFunctions(block.NewCode, language))
                {
                    if (Definition(code, name, language) is { } old && Definition(block.NewCode, name, language) is { } replacement)
                    {
                        code = code[..old.Start] + Reindent(replacement.Text, replacement.Indent, old.Indent) + code[old.End..];
                        applied.Add($"function `{name}` replaced");
                    }
                }
            }
        }

        var note = applied.Count == 0
            ? "the patch sketch holds no change to this file's code (no diff, no before/after pair, no function the file defines)"
            : $"applied {string.Join(", ", applied)}";
        if (skipped.Count > 0)
        {
            note += $"; skipped {string.Join(", ", skipped)} whose old lines are not in the file";
        }

        return (applied.Count == 0 || code == original.Replace("\r\n", "\n", StringComparison.Ordinal) ? null : code, note);
    }

    // A block that shares no line with the "before" block and is not introduced as the change is a pattern from elsewhere.
    private static bool SharesALine(string before, string after)
    {
        var old = Lines(before).Select(l => l.Trim()).Where(l => l.Length > 2).ToHashSet(StringComparer.Ordinal);
        return Lines(after).Any(l => old.Contains(l.Trim()));
    }

    private static void Record(bool done, string what, List<string> applied, List<string> skipped) => (done ? applied : skipped).Add(what);

    private static bool Fits(CaseLanguage? block, CaseLanguage language) => block is null || block == language;

    private static bool IsDiff(PatchCode block) =>
        block.LanguageText is "diff" or "patch" || (block.NewCode != block.Code && block.NewCode.Length > 0 && block.Code.Split('\n').Any(l => l.StartsWith('+')));

    // Each hunk of a unified diff as (old lines, new lines); a diff without @@ lines is one hunk.
    private static IEnumerable<(List<string> Old, List<string> New)> Hunks(string diff)
    {
        var oldLines = new List<string>();
        var newLines = new List<string>();
        foreach (var line in diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                if (oldLines.Count + newLines.Count > 0)
                {
                    yield return (oldLines, newLines);
                }

                oldLines = [];
                newLines = [];
            }
            else if (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("diff ", StringComparison.Ordinal) || line.StartsWith("index ", StringComparison.Ordinal) || line.StartsWith('\\'))
            {
                continue;
            }
            else if (line.StartsWith('-'))
            {
                oldLines.Add(line[1..]);
            }
            else if (line.StartsWith('+'))
            {
                newLines.Add(line[1..]);
            }
            else
            {
                var context = line.Length > 0 && line[0] == ' ' ? line[1..] : line;
                oldLines.Add(context);
                newLines.Add(context);
            }
        }

        if (oldLines.Count + newLines.Count > 0)
        {
            yield return (oldLines, newLines);
        }
    }

    private static List<string> Lines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')];

    // Replaces the first run of lines equal (trailing spaces aside) to oldLines, after trimming blank lines at both ends.
    private static bool ReplaceLines(ref string code, List<string> oldLines, List<string> newLines)
    {
        var old = TrimBlank(oldLines);
        if (old.Count == 0)
        {
            return false;
        }

        var lines = code.Split('\n').ToList();
        for (var i = 0; i + old.Count <= lines.Count; i++)
        {
            if (Enumerable.Range(0, old.Count).All(k => lines[i + k].TrimEnd() == old[k].TrimEnd()))
            {
                lines.RemoveRange(i, old.Count);
                lines.InsertRange(i, TrimBlank(newLines));
                code = string.Join('\n', lines);
                return true;
            }
        }

        return false;
    }

    private static List<string> TrimBlank(List<string> lines) =>
        [.. lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse()];

    private static IEnumerable<string> DefinedFunctions(string code, CaseLanguage language) =>
        (language == CaseLanguage.Rust ? RustFn() : PythonDef()).Matches(code).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal);

    /// <summary>Where a function is defined: its text span (from the line it starts on) and that line's indent.</summary>
    private static (int Start, int End, string Text, string Indent)? Definition(string code, string name, CaseLanguage language)
    {
        var pattern = language == CaseLanguage.Rust ? RustFn() : PythonDef();
        var match = pattern.Matches(code).FirstOrDefault(m => m.Groups["name"].Value == name);
        if (match is null)
        {
            return null;
        }

        var start = code.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
        if (match.Index == 0)
        {
            start = 0;
        }

        var indent = new string(code[start..].TakeWhile(c => c is ' ' or '\t').ToArray());
        var end = language == CaseLanguage.Rust ? RustBodyEnd(code, match.Index + match.Length) : PythonBodyEnd(code, start, indent.Length);
        return end is { } e ? (start, e, code[start..e], indent) : null;
    }

    // The end of a Python definition: the first non-blank line indented no deeper than the def, or the end of the text.
    private static int PythonBodyEnd(string code, int start, int indent)
    {
        var position = code.IndexOf('\n', start);
        var lastContent = position < 0 ? code.Length : position;
        while (position >= 0 && position < code.Length)
        {
            var next = code.IndexOf('\n', position + 1);
            var line = code[(position + 1)..(next < 0 ? code.Length : next)];
            if (line.Trim().Length > 0)
            {
                var depth = line.TakeWhile(c => c is ' ' or '\t').Count();
                if (depth <= indent && !line.TrimStart().StartsWith(')'))
                {
                    break;
                }

                lastContent = next < 0 ? code.Length : next;
            }

            position = next;
        }

        return lastContent;
    }

    // The end of a Rust fn: the brace that closes its body (strings, chars and comments skipped roughly).
    private static int? RustBodyEnd(string code, int from)
    {
        var open = code.IndexOf('{', from);
        if (open < 0)
        {
            return null;
        }

        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is var n && n < 0 ? code.Length : n;
            }
            else if (c == '"')
            {
                for (i++; i < code.Length && code[i] != '"'; i++)
                {
                    if (code[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Reindent(string text, string from, string to)
    {
        if (from == to)
        {
            return text;
        }

        return string.Join('\n', text.Split('\n').Select(line =>
            line.StartsWith(from, StringComparison.Ordinal) ? to + line[from.Length..] : line.Trim().Length == 0 ? line : to + line.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*(?:async[ \t]+)?def[ \t]+(?<name>\w+)[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex PythonDef();

    [GeneratedRegex(@"^[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?(?:const[ \t]+|async[ \t]+|unsafe[ \t]+)*fn[ \t]+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex RustFn();
}
