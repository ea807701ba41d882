namespace SkillHost.Analysis.Rules;

/// <summary>
/// What a file is for, read from where it lives in the project: production code, or code that runs beside it (tests,
/// benchmarks, examples, docs plugins, scripts, migrations, fuzz targets, build scripts). The skill's step 1 judges the
/// second kind by asymptotic cost only, so constant-factor findings there are demoted, never ranked among the top issues.
/// </summary>
public enum SourceRole
{
    Production,
    Test,
    Bench,
    Example,
    Docs,
    Script,
    Migration,
    Fuzz,
    BuildScript,
}

/// <summary>Reads a <see cref="SourceRole"/> from a path's folders and file name.</summary>
public static class SourceRoles
{
    /// <summary>The role of the file at <paramref name="path"/> (relative to the reviewed folder, or as given); <see cref="SourceRole.Production"/> when nothing says otherwise.</summary>
    public static SourceRole Of(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return SourceRole.Production;
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var file = segments.Length == 0 ? path : segments[^1];
        if (file is "build.rs")
        {
            return SourceRole.BuildScript;
        }

        if (file.StartsWith("test_", StringComparison.Ordinal) || file.EndsWith("_test.py", StringComparison.Ordinal)
            || file.EndsWith("_tests.rs", StringComparison.Ordinal) || file is "conftest.py" or "tests.rs")
        {
            return SourceRole.Test;
        }

        if (file is "setup.py" or "noxfile.py" or "fabfile.py" or "tasks.py")
        {
            return SourceRole.Script;
        }

        // The innermost folder that names a role wins: `benches/` inside `tests/` is a benchmark.
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (FolderRole(segments[i]) is { } role)
            {
                return role;
            }
        }

        return SourceRole.Production;
    }

    /// <summary>The folder a role was read from, for a reader ("lives under `examples/`"), or null for production code.</summary>
    public static string Describe(SourceRole role) => role switch
    {
        SourceRole.Test => "test code",
        SourceRole.Bench => "benchmark code",
        SourceRole.Example => "example code",
        SourceRole.Docs => "documentation tooling",
        SourceRole.Script => "a script",
        SourceRole.Migration => "a migration",
        SourceRole.Fuzz => "a fuzz target",
        SourceRole.BuildScript => "a build script",
        _ => "production code",
    };

    private static SourceRole? FolderRole(string folder) => folder.ToLowerInvariant() switch
    {
        "tests" or "test" or "testing" or "testsuite" => SourceRole.Test,
        "benches" or "bench" or "benchmarks" or "benchmark" => SourceRole.Bench,
        "examples" or "example" => SourceRole.Example,
        "docs" or "doc" or "_ext" or "sphinxext" => SourceRole.Docs,
        "scripts" or "script" => SourceRole.Script,
        "migrations" or "alembic" => SourceRole.Migration,
        "fuzz" or "fuzzing" or "fuzz_targets" => SourceRole.Fuzz,
        _ => null,
    };
}
