namespace SkillHost.Skills.Tests.Support;

/// <summary>Compares text with a checked-in golden file; <c>UPDATE_GOLDEN=1</c> rewrites the file instead, so changes show up as diffs.</summary>
internal static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void Verify(string path, string actual)
    {
        var normalised = Normalise(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with UPDATE_GOLDEN=1 to create it, then review the diff.");
        var expected = Normalise(File.ReadAllText(path));
        if (expected != normalised)
        {
            var (line, want, got) = FirstDifference(expected, normalised);
            Assert.Fail($"{path} differs at line {line}:\n  expected: {want}\n  actual:   {got}\nIf the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static (int Line, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return (i + 1, left, right);
            }
        }

        return (0, string.Empty, string.Empty);
    }
}
