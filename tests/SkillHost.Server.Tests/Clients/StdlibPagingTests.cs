using System.Text.Json;
using System.Text.RegularExpressions;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Clients;

/// <summary>
/// The answers sized for an agent, on a real code base (the CPython 3.11 standard library, 1,790 files): the TypeScript
/// SDK client pages through every listing tool over stdio; each result stays within 50,000 characters, the pages hold
/// the same findings and files as the CLI's complete JSON, and no connection drops. The CLI's default report stays short.
/// </summary>
public sealed partial class StdlibPagingTests
{
    private const int MaxResultChars = 50_000;

    [Fact]
    public async Task Given_the_stdlib_When_the_typescript_client_follows_every_cursor_Then_each_result_fits_and_the_pages_match_the_cli_json()
    {
        var (stdlib, reason) = Corpora.Python311();
        Assert.SkipWhen(stdlib is null, reason);
        var folder = Path.Combine(Path.GetTempPath(), "skillhost-paging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pages = Path.Combine(folder, "pages.json");
            var cliJson = Path.Combine(folder, "cli.json");
            var (exitCode, output, error) = await NodeClients.RunAsync(["paging-client.mjs", stdlib!, pages, .. ServerProcess.StdioCommand], TimeSpan.FromMinutes(10));
            Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
            var (cliExit, _, cliError) = await Corpora.SkillhostAsync(stdlib!, "review", ".", "--format", "json", "--output", cliJson);
            Assert.True(cliExit is 0 or 1, cliError);
            // checklist_review lists every finding, whatever its confidence; review_code, like the CLI, lists a folder's medium and high.
            var cliAllJson = Path.Combine(folder, "cli-all.json");
            var (allExit, _, allError) = await Corpora.SkillhostAsync(stdlib!, "review", ".", "--format", "json", "--min-confidence", "low", "--output", cliAllJson);
            Assert.True(allExit is 0 or 1, allError);

            using var summaryDocument = JsonDocument.Parse(await File.ReadAllTextAsync(pages, TestContext.Current.CancellationToken));
            var summary = summaryDocument.RootElement;
            Assert.Empty(summary.GetProperty("errors").EnumerateArray());
            foreach (var tool in new[] { "checklist_review", "review_code", "classify_code", "fix_code" })
            {
                var largest = summary.GetProperty("sizes").GetProperty(tool).GetInt32();
                Assert.True(largest <= MaxResultChars, $"{tool}: a result of {largest:N0} characters");
            }

            using var cli = JsonDocument.Parse(await File.ReadAllTextAsync(cliJson, TestContext.Current.CancellationToken));
            using var cliAll = JsonDocument.Parse(await File.ReadAllTextAsync(cliAllJson, TestContext.Current.CancellationToken));
            static List<string> Keys(JsonDocument json) => json.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("ruleId").GetString()}|{f.GetProperty("path").GetString()}|{f.GetProperty("startLine").GetInt32()}|{f.GetProperty("startColumn").GetInt32()}")
                .ToList();
            var findings = Keys(cli);
            var files = cli.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            Assert.NotEmpty(findings);
            Assert.True(Keys(cliAll).Count > findings.Count, "the stdlib has low-confidence findings a folder review hides");
            Assert.Equal(Keys(cliAll), Strings(summary, "checklistFindings"));
            Assert.Equal(findings, Strings(summary, "reviewFindings"));
            Assert.Equal(files, Strings(summary, "checklistFiles"));
            Assert.Equal(files.Order(StringComparer.Ordinal), Strings(summary, "classifyFiles").Order(StringComparer.Ordinal));
            Assert.True(summary.GetProperty("pages").GetProperty("classify_code").GetInt32() > 1, "the classifications of 1,790 files came back in one page");
            Assert.Equal(5, summary.GetProperty("reportParts").GetInt32());
            Assert.Equal(2, summary.GetProperty("resourceLinks").GetArrayLength());
            Assert.True(summary.GetProperty("fullReportChars").GetInt32() > summary.GetProperty("reportText").GetInt32());

            // Bad input: each an isError result saying what to send instead.
            AssertError(summary, "badCursor", "Send the 'nextCursor'");
            AssertError(summary, "foreignCursor", "Pass it to checklist_review");
            AssertError(summary, "badAssumeN", "from 1 to 1,000,000");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Given_the_stdlib_When_reviewed_with_the_default_format_Then_the_report_is_short_and_has_the_five_parts()
    {
        var (stdlib, reason) = Corpora.Python311();
        Assert.SkipWhen(stdlib is null, reason);

        var (exitCode, markdown, error) = await Corpora.SkillhostAsync(stdlib!, "review", ".");

        Assert.True(exitCode is 0 or 1, error);
        Assert.True(markdown.Length <= 12_000, $"{markdown.Length:N0} characters");
        var parts = Heading().Matches(markdown).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(5, parts.Count);
        Assert.Contains("Hot path hypothesis", parts[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Top issues", parts[1], StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"Reviewed [\d,]+ files: ", markdown);
        Assert.DoesNotContain("asyncio/base_events.py`, `", markdown, StringComparison.Ordinal);
        Assert.Matches(@"And [\d,]+ more issues: `--format text`", markdown);
    }

    private static List<string> Strings(JsonElement summary, string name) => [.. summary.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static void AssertError(JsonElement summary, string name, string expected)
    {
        var result = summary.GetProperty(name);
        Assert.True(result.GetProperty("isError").GetBoolean(), name);
        Assert.Contains(expected, result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
