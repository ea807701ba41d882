using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Packaging;

/// <summary>
/// The Claude Code plugin carries a copy of the skill (a plugin is copied into Claude Code's cache on its own, so it
/// cannot point outside its folder, and symbolic links break on Windows checkouts). This keeps the copy equal to skill/;
/// <c>UPDATE_GOLDEN=1</c> rewrites it.
/// </summary>
public sealed class PluginBundleTests
{
    private static string PluginSkill => RepoPaths.Combine("installer", "plugin", "skills", "performance-optimization");

    [Fact]
    public void The_plugin_skill_is_an_exact_copy_of_the_skill()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.Delete(PluginSkill, recursive: true);
            foreach (var file in Files(Sandbox.BundledSkill))
            {
                var target = Path.Combine(PluginSkill, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(Sandbox.BundledSkill, file), target);
            }
        }

        Assert.Equal(Files(Sandbox.BundledSkill), Files(PluginSkill));
        foreach (var file in Files(Sandbox.BundledSkill))
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(Sandbox.BundledSkill, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(PluginSkill, file))),
                $"installer/plugin/skills/performance-optimization/{file} differs from skill/performance-optimization/{file}: run the tests with UPDATE_GOLDEN=1 to copy it.");
        }
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
