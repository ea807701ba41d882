namespace SkillHost.Analysis.Projects;

/// <summary>
/// What a Rust file's `Cargo.toml` says about how its crate is built and used: its crate types and the release profile
/// that applies (the crate's own, or its workspace root's). Rules ask it whether other crates can call the code at all,
/// and whether the build inlines across crates anyway.
/// </summary>
/// <param name="ManifestPath">The `Cargo.toml` read, for a reader of the evidence.</param>
/// <param name="CrateTypes">`[lib] crate-type` as written; empty when the manifest names none (a plain `lib`, or a binary).</param>
/// <param name="Lto">`[profile.release] lto` as written (`"fat"`, `"thin"`, `true`, `"off"`), or null.</param>
/// <param name="CodegenUnits">`[profile.release] codegen-units`, or null.</param>
public sealed record CrateFacts(string ManifestPath, IReadOnlyList<string> CrateTypes, string? Lto, int? CodegenUnits)
{
    /// <summary>Built only as a C-ABI library (a Python extension module, `cdylib`) or static library: no Rust crate links against it.</summary>
    public bool NoRustCallers => CrateTypes.Count > 0 && !CrateTypes.Any(t => t is "lib" or "rlib" or "dylib" or "proc-macro");

    /// <summary>The release build links with fat LTO (`lto = "fat"` or `true`): the optimiser inlines across crates without `#[inline]`.</summary>
    public bool FatLto => Lto is "fat" or "true";

    /// <summary>
    /// True when both files belong to one crate: the same Cargo.toml when the review found manifests for both, else the same
    /// folder above `src/` (`crates/ignore/src/walk.rs` and `crates/ignore/src/dir.rs`).
    /// </summary>
    public static bool SameCrate(Syntax.SyntaxTree a, Syntax.SyntaxTree b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Crate is { } left && b.Crate is { } right)
        {
            return left.ManifestPath == right.ManifestPath;
        }

        static string? Root(string? path)
        {
            var p = (path ?? string.Empty).Replace('\\', '/');
            var src = p.StartsWith("src/", StringComparison.Ordinal) ? 0 : p.LastIndexOf("/src/", StringComparison.Ordinal);
            return src < 0 ? null : p[..src];
        }

        return Root(a.Source.Path) is { } r && r == Root(b.Source.Path);
    }
}
