using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>--skills folders: every SKILL.md below them is hosted, re-read on change with list_changed sent; links cannot leave a skill's folder.</summary>
public sealed class SkillReloadTests : IDisposable
{
    private readonly string _skills = Directory.CreateTempSubdirectory("skillhost-skills-").FullName;

    public void Dispose() => Directory.Delete(_skills, recursive: true);

    private string WriteSkill(string name, string body)
    {
        var folder = Path.Combine(_skills, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "SKILL.md"), $"---\nname: {name}\ndescription: The {name} skill. Use in tests.\n---\n# {name}\n\n{body}\n");
        return folder;
    }

    [Fact]
    public async Task Given_a_watched_skills_folder_When_a_skill_changes_Then_clients_get_list_changed_and_the_new_digest()
    {
        WriteSkill("alpha", "First version.");
        await using var server = await InProcessServer.StartAsync(clientOptions: new() { ProtocolVersion = InProcessServer.November2025 }, skillFolders: [_skills], watch: true);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var before = Digest(await server.Client.RequestAsync("skills/list"), "alpha");

        WriteSkill("alpha", "Second version, longer than the first.");
        for (var i = 0; i < 200 && server.Catalog.Require("alpha").Files[0].Digest == before; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(before, server.Catalog.Require("alpha").Files[0].Digest);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var after = Digest(await server.Client.RequestAsync("skills/list"), "alpha");
        Assert.NotEqual(before, after);
        var text = await server.Client.ReadResourceAsync("skill://alpha/SKILL.md", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("Second version", Assert.IsType<TextResourceContents>(Assert.Single(text.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_claude_code_layout_and_a_link_leaving_the_skill_When_read_Then_skills_are_found_and_the_link_is_not_served()
    {
        var nested = Path.Combine(_skills, "home", ".claude-like", "skills");
        Directory.CreateDirectory(nested);
        var outside = Directory.CreateTempSubdirectory("skillhost-secret-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "do not serve");
            var beta = WriteSkill("beta", "Beta.");
            File.CreateSymbolicLink(Path.Combine(beta, "leak.txt"), Path.Combine(outside, "secret.txt"));
            File.WriteAllText(Path.Combine(beta, "notes.txt"), "served");

            using var catalog = new SkillCatalog(new SkillCatalogOptions([_skills], InProcessServer.BundledSkills, Watch: false));

            var skill = catalog.Require("beta");
            Assert.Equal(["SKILL.md", "notes.txt"], skill.Files.Select(f => f.RelativePath));
            Assert.NotNull(catalog.Find("performance-optimization"));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Given_a_user_skill_named_like_the_bundled_one_Then_the_users_wins()
    {
        WriteSkill("performance-optimization", "My own edition.");

        using var catalog = new SkillCatalog(new SkillCatalogOptions([_skills], InProcessServer.BundledSkills, Watch: false));

        Assert.Equal(PathConfinement.RealPath(Path.Combine(_skills, "performance-optimization")), catalog.Require(null).Folder);
        Assert.Single(catalog.Skills, s => s.Name == "performance-optimization");
    }

    private static string? Digest(JsonNode? list, string name) =>
        (string?)list!["skills"]!.AsArray().Single(s => (string?)s!["frontmatter"]!["name"] == name)!["resources"]![0]!["digest"];
}
