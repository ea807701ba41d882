using System.Collections.Immutable;
using Markdig;
using SkillHost.Skills.Parsing;
using SkillHost.Skills.Recognizers;

namespace SkillHost.Skills;

/// <summary>
/// Reads a SKILL.md (Markdig + YamlDotNet) into a <see cref="SkillDocument"/>. Never throws on bad input:
/// empty, binary, oversized, deeply nested or malformed files give a document with diagnostics instead.
/// </summary>
public static class SkillParser
{
    /// <summary>The file name the Agent Skills spec gives a skill's entry point.</summary>
    public const string SkillFileName = "SKILL.md";

    // Built once: a Markdig pipeline is immutable and safe to share across threads.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .Build();

    /// <summary>Parses SKILL.md text. With <paramref name="skillDirectory"/>, linked reference files are read too.</summary>
    public static SkillDocument Parse(string text, string? skillDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        if (text.Length == 0)
        {
            SkillText.Decode([], 0, null, diagnostics);
            return Empty(diagnostics);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            SkillText.Decode(System.Text.Encoding.UTF8.GetBytes(text), text.Length, null, diagnostics);
            return Empty(diagnostics);
        }

        return ParseText(text, skillDirectory, diagnostics);
    }

    /// <summary>Parses a SKILL.md file; its folder is the skill folder. I/O errors are the caller's (the file must exist).</summary>
    public static SkillDocument ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var text = ReadFile(path, null, diagnostics, out var truncated);
        if (text is null)
        {
            return Empty(diagnostics);
        }

        return truncated
            ? FrontmatterOnly(text, diagnostics)
            : ParseText(text, Path.GetDirectoryName(Path.GetFullPath(path)), diagnostics);
    }

    /// <summary>Reads at most <see cref="SkillText.MaxBytes"/> (+1 to notice more) so a 50 MB file is never loaded whole.</summary>
    private static string? ReadFile(string path, string? source, List<Diagnostic> diagnostics, out bool truncated)
    {
        // A named pipe would wait for a writer for ever and a device never ends: refused before anything is opened.
        if (Files.RegularFile.Refusal(path) is { } refusal)
        {
            truncated = false;
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.NotAFile, $"'{path}' is not a regular file: {refusal}", 1, source));
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        truncated = length > SkillText.MaxBytes;
        var buffer = new byte[Math.Min(length, SkillText.MaxBytes)];
        stream.ReadExactly(buffer);
        if (truncated)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.TooLarge,
                $"The file is {length / (1024.0 * 1024.0):0.#} MB; SkillHost reads up to {SkillText.MaxBytes / (1024 * 1024)} MB, "
                + "so only the frontmatter was read. Move long material into references/*.md and link it from SKILL.md.",
                1, source));
            // Cut at the last line break so a multi-byte character split by the limit is not taken for bad UTF-8.
            var cut = buffer.AsSpan().LastIndexOf((byte)'\n');
            return SkillText.Decode(buffer.AsSpan(0, cut + 1), length, source, diagnostics);
        }

        return SkillText.Decode(buffer, length, source, diagnostics);
    }

    private static SkillDocument ParseText(string text, string? skillDirectory, List<Diagnostic> diagnostics)
    {
        if (!SkillText.IsWithinSize(text, null, diagnostics))
        {
            return FrontmatterOnly(text[..SkillText.MaxBytes], diagnostics);
        }

        var (frontmatter, closingLine) = ReadFrontmatter(text, diagnostics);
        var main = ParseMarkdown(text, null, closingLine, diagnostics);
        var files = new List<MarkdownOutline>();
        if (main is not null)
        {
            files.Add(main);
        }

        var references = ImmutableArray.CreateBuilder<SkillReference>();
        if (main is not null && skillDirectory is not null)
        {
            foreach (var (relative, full, line) in ReferenceResolver.Resolve(main, skillDirectory, diagnostics))
            {
                var outline = ParseReference(relative, full, diagnostics);
                if (outline is not null)
                {
                    files.Add(outline);
                    references.Add(new SkillReference(relative, line, SectionRecords.From(outline)));
                }
            }
        }

        var checklists = files.Select(ChecklistRecognizer.RecognizeAll).FirstOrDefault(c => c.Review is not null);
        return new SkillDocument(
            frontmatter?.GetString("name"),
            frontmatter?.GetString("description"),
            frontmatter,
            main is null ? [] : SectionRecords.From(main),
            [.. files.SelectMany(f => CostTableRecognizer.Recognize(f, diagnostics))],
            checklists.Review,
            [.. files.SelectMany(f => WorkedExampleRecognizer.Recognize(f))],
            [.. files.SelectMany(f => CodeBlockRecognizer.Recognize(f))],
            files.Select(ReportFormatRecognizer.Recognize).FirstOrDefault(p => !p.IsEmpty, []),
            [.. files.SelectMany(f => EstimationTemplateRecognizer.Recognize(f))],
            references.ToImmutable(),
            [.. diagnostics])
        {
            OtherChecklists = checklists.Others.IsDefault ? [] : checklists.Others,
        };
    }

    private static (FrontmatterMap? Map, int ClosingLine) ReadFrontmatter(string text, List<Diagnostic> diagnostics)
    {
        var located = FrontmatterReader.Locate(text, null, diagnostics);
        return located is { } found
            ? (FrontmatterReader.Read(found.Yaml, null, diagnostics), found.ClosingLine)
            : (null, -1);
    }

    private static SkillDocument FrontmatterOnly(string text, List<Diagnostic> diagnostics)
    {
        var (frontmatter, _) = ReadFrontmatter(text, diagnostics);
        return Empty(diagnostics) with
        {
            Name = frontmatter?.GetString("name"),
            Description = frontmatter?.GetString("description"),
            Frontmatter = frontmatter,
        };
    }

    private static MarkdownOutline? ParseReference(string relative, string full, List<Diagnostic> diagnostics)
    {
        try
        {
            var text = ReadFile(full, relative, diagnostics, out var truncated);
            return text is null || truncated ? null : ParseMarkdown(text, relative, -1, diagnostics);
        }
        catch (IOException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.ReferenceUnreadable, $"Could not read '{relative}': {e.Message}", 1));
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.ReferenceUnreadable, $"Could not read '{relative}': {e.Message}", 1));
            return null;
        }
    }

    private static MarkdownOutline? ParseMarkdown(string text, string? source, int skipThroughLine, List<Diagnostic> diagnostics)
    {
        try
        {
            return MarkdownOutline.Build(Markdown.Parse(text, Pipeline), text, source, skipThroughLine);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig refuses nesting beyond its depth limit (~128 levels) before it could overflow the stack.
            var (line, depth) = NestingScan.Deepest(text);
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.NestedTooDeep,
                $"The Markdown nests too deeply (about {depth} levels of lists or quotes near here), so the body was not read. Flatten the nesting.",
                line, source));
            return null;
        }
#pragma warning disable CA1031 // Markdig on hostile input may fail in unforeseen ways; report it instead of crashing the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.MarkdownFailed,
                $"The Markdown body could not be parsed ({e.GetType().Name}: {e.Message}).", 1, source));
            return null;
        }
    }

    private static SkillDocument Empty(List<Diagnostic> diagnostics) =>
        new(null, null, null, [], [], null, [], [], [], [], [], [.. diagnostics]);
}
