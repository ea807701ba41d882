using System.Diagnostics;
using System.Text.RegularExpressions;
using SkillHost.Evals.Reports;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Output;

/// <summary>
/// The HTML page rendered by a real browser: headless Chromium from Debian (run-tests.sh installs it) loads the
/// page, dumps the DOM as laid out and takes a screenshot; the assertions read the DOM dump.
/// </summary>
public sealed partial class HtmlReportTests
{
    [Fact]
    public async Task Given_a_run_When_the_page_is_rendered_in_Chromium_Then_every_case_has_a_bar_sized_by_its_score()
    {
        var run = await SampleRuns.MixedAsync();
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "index.html");
        await File.WriteAllTextAsync(page, HtmlReport.Render(run), TestContext.Current.CancellationToken);
        var screenshot = Path.Combine(folder.Path, "page.png");

        var dom = await ChromiumAsync(folder.Path, "--dump-dom", new Uri(page).AbsoluteUri);
        await ChromiumAsync(folder.Path, $"--screenshot={screenshot}", "--window-size=1200,900", new Uri(page).AbsoluteUri);

        var rows = CaseRow().Matches(dom).ToList();
        Assert.Equal(run.Runs.Length, rows.Count);
        foreach (var r in run.Runs)
        {
            var row = Assert.Single(rows, m => m.Groups["agentcase"].Value.Contains($"data-case=\"{r.Case.Id}\"", StringComparison.Ordinal)
                && m.Groups["class"].Value == (r.Passed ? "pass" : "fail")
                && m.Groups["agentcase"].Value.Contains($"width: {r.Score.Overall * 100:0.#}%", StringComparison.Ordinal));
            Assert.Contains("class=\"threshold\"", row.Value, StringComparison.Ordinal);
        }

        Assert.Contains("<section class=\"agent\" data-agent=\"pipeline\">", dom, StringComparison.Ordinal);
        Assert.Contains("<section class=\"agent\" data-agent=\"llm\">", dom, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        Assert.True(png.Length > 1000, $"screenshot is {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    private static async Task<string> ChromiumAsync(string profile, params string[] arguments)
    {
        var chromium = FindChromium()
            ?? throw new InvalidOperationException("chromium is not installed: run ./run-tests.sh (it installs Debian's chromium) or apt-get install -y chromium.");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Root in a container needs --no-sandbox; a throwaway profile keeps runs independent.
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(profile, "chromium-profile")}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string? FindChromium() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex("<tr class=\"case (?<class>pass|fail)\"(?<agentcase>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex CaseRow();
}
