using System.Text.Json;
using ModelContextProtocol;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary><c>fix_code</c> through a real client: inline code comes back fixed, paths come back as a diff git applies, and nothing on disk changes.</summary>
public sealed class FixCodeToolTests : IDisposable
{
    private const string Poll = "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n";

    private const string Fixed = "import asyncio\nimport time\n\n\nasync def poll(ids):\n    for i in ids:\n        await asyncio.sleep(0.1)\n";

    // The blocking open() inside async def has no mechanical fix: it needs judgement (aiofiles, a thread).
    private const string Load = "\n\nasync def load(path):\n    with open(path) as f:\n        return f.read()\n";

    private readonly string _root = Directory.CreateTempSubdirectory("skillhost-fix-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ServerEnvironment Environment => ServerEnvironment.Current() with { WorkingDirectory = _root };

    [Fact]
    public async Task Given_inline_code_When_fixed_Then_the_whole_fixed_code_comes_back_with_each_change_and_what_remains()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = (await server.Client.CallAsync("fix_code", new() { ["code"] = Poll + Load, ["filename"] = "poll.py" })).Structured();

        Assert.Equal(Fixed + Load, result.GetProperty("fixedCode").GetString());
        var change = Assert.Single(result.GetProperty("fixed").EnumerateArray());
        Assert.Equal("PY009", change.GetProperty("ruleId").GetString());
        Assert.Equal(6, change.GetProperty("line").GetInt32());
        Assert.Contains("await asyncio.sleep", change.GetProperty("change").GetString(), StringComparison.Ordinal);
        var remaining = Assert.Single(result.GetProperty("remaining").EnumerateArray());
        Assert.Equal("python/sync-io-in-async", remaining.GetProperty("slug").GetString());
        Assert.Contains("open(path)", remaining.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("--- a/poll.py\n+++ b/poll.py\n@@ -1,9 +1,10 @@\n+import asyncio\n", result.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.GetProperty("notFixed").EnumerateArray());
    }

    [Fact]
    public async Task Given_inline_code_with_nothing_to_fix_When_fixed_Then_the_code_comes_back_as_sent_and_the_diff_is_empty()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var code = Load.TrimStart('\n');

        var result = (await server.Client.CallAsync("fix_code", new() { ["code"] = code, ["language"] = "python" })).Structured();

        Assert.Equal(code, result.GetProperty("fixedCode").GetString());
        Assert.Equal("", result.GetProperty("diff").GetString());
        Assert.Empty(result.GetProperty("fixed").EnumerateArray());
        Assert.Single(result.GetProperty("remaining").EnumerateArray());
    }

    [Fact]
    public async Task Given_paths_When_fixed_Then_git_applies_the_diff_in_the_root_and_the_files_were_not_touched_before()
    {
        var handler = Path.Combine(_root, "svc", "handler.py");
        Directory.CreateDirectory(Path.GetDirectoryName(handler)!);
        await File.WriteAllTextAsync(handler, Poll, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_root, "svc", "reports.py"), "def total(ps):\n    return sum([p.weight for p in ps])\n", TestContext.Current.CancellationToken);
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = (await server.Client.CallAsync("fix_code", new() { ["paths"] = new[] { "svc" } })).Structured();

        Assert.Equal(JsonValueKind.Null, result.GetProperty("fixedCode").ValueKind);
        Assert.Equal(Poll, await File.ReadAllTextAsync(handler, TestContext.Current.CancellationToken));
        Assert.Equal(2, result.GetProperty("fixed").GetArrayLength());
        var patch = Path.Combine(_root, "fix.patch");
        await File.WriteAllTextAsync(patch, result.GetProperty("diff").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Git("init", "-q")).ExitCode);
        var apply = await Git("apply", patch);
        Assert.True(apply.ExitCode == 0, apply.Output);
        Assert.Equal(Fixed, await File.ReadAllTextAsync(handler, TestContext.Current.CancellationToken));
        Assert.Equal("def total(ps):\n    return sum(p.weight for p in ps)\n", await File.ReadAllTextAsync(Path.Combine(_root, "svc", "reports.py"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Given_bad_inputs_When_fixed_Then_each_is_an_error_that_says_what_to_send_and_the_server_keeps_serving()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var neither = await server.Client.CallAsync("fix_code", new());
        var unknownRule = await server.Client.CallAsync("fix_code", new() { ["code"] = Poll, ["language"] = "python", ["select"] = new[] { "NOPE1" } });
        var outside = await server.Client.CallAsync("fix_code", new() { ["paths"] = new[] { "/etc" } });
        var after = (await server.Client.CallAsync("fix_code", new() { ["code"] = Poll, ["language"] = "python" })).Structured();

        Assert.True(neither.IsError);
        Assert.Contains("Send either 'code'", neither.Text(), StringComparison.Ordinal);
        Assert.True(unknownRule.IsError);
        Assert.Contains("NOPE1", unknownRule.Text(), StringComparison.Ordinal);
        Assert.True(outside.IsError);
        Assert.Equal(Fixed, after.GetProperty("fixedCode").GetString());
    }

    [Fact]
    public async Task Given_the_tool_list_Then_fix_code_is_read_only_and_has_an_output_schema()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var tool = (await server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(t => t.Name == "fix_code").ProtocolTool;

        Assert.True(tool.Annotations?.ReadOnlyHint);
        Assert.False(tool.Annotations?.DestructiveHint);
        Assert.True(tool.OutputSchema!.Value.GetProperty("properties").TryGetProperty("fixedCode", out _));
        Assert.True(tool.InputSchema.GetProperty("properties").TryGetProperty("paths", out _));
    }

    private async Task<(int ExitCode, string Output)> Git(params string[] args) =>
        await ProcessRunner.RunAsync("git", ["-c", "core.autocrlf=false", .. args], _root, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
}
