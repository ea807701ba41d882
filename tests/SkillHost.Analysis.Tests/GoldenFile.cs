namespace SkillHost.Analysis.Tests;

/// <summary>Golden-file comparison shared by every test of this project: line endings normalised; UPDATE_GOLDEN=1 rewrites the file.</summary>
internal static class GoldenFile
{
    /// <summary>A folder of this test project in the source tree (so rewrites land where a reviewer sees the diff).</summary>
    public static string SourceFolder(string relative) => RepoPaths.Combine("tests", "SkillHost.Analysis.Tests", relative);

    public static void Verify(string path, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file missing: {path} (run the tests with UPDATE_GOLDEN=1 and review the diff)");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            // Name the first differing line: a whole-file string diff of a long golden is unreadable.
            var a = expected.Split('\n');
            var b = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Max(a.Length, b.Length)).First(i => i >= a.Length || i >= b.Length || a[i] != b[i]);
            Assert.Fail($"{Path.GetFileName(path)} differs at line {line + 1}:\n  expected: {(line < a.Length ? a[line] : "<end>")}\n  actual:   {(line < b.Length ? b[line] : "<end>")}\nIf intended, rerun with UPDATE_GOLDEN=1 and review the diff.");
        }
    }
}
