using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Benchmarks;

/// <summary>
/// <c>model-memory DIR...</c>: what the semantic model of a review costs in memory, per MB of source. Every Python and Rust
/// file under the folders is parsed as a review parses it (tokens kept for the rules), its <see cref="FileModel"/> built in
/// full (tokens, binding index, Python per-file facts) and the cross-file <see cref="ProjectIndex"/> built over all of them;
/// everything is then held at once (a review holds one file's model at a time, so this is the upper bound) and the live
/// heap after a full collection is compared with the heap before. Prints MB of source, the retained MB, and MB per MB.
/// </summary>
internal static class ModelMemoryCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args.Any(a => !Directory.Exists(a)))
        {
            Console.Error.WriteLine("usage: model-memory DIR... (folders holding .py/.rs files)");
            return 2;
        }

        var files = args.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Where(SyntaxParsers.IsSupportedExtension).Order(StringComparer.Ordinal).ToList();
        var sources = files.Select(f => SourceText.From(File.ReadAllText(f), f)).ToList();
        var sourceChars = sources.Sum(s => (long)s.Length);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var trees = new List<SyntaxTree>(sources.Count);
        foreach (var source in sources)
        {
            trees.Add(Analysis.Languages.LanguageSupport.ForPath(source.Path)!.Parse(source, forRules: true));
        }

        var treesOnly = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var tree in trees)
        {
            _ = tree.Nodes.Count;
            _ = BindingIndex.For(tree);
            if (tree.Language == SourceLanguage.Python)
            {
                _ = PythonCode.Tokens(tree);
            }
            else
            {
                _ = RustTokens.Of(tree);
            }
        }

        var project = ProjectIndex.Build(trees);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var sourceMb = sourceChars * 2 / 1048576.0; // UTF-16 in memory; the figure below is per MB of that text
        var fileMb = files.Sum(f => new FileInfo(f).Length) / 1048576.0;
        Console.WriteLine($"files={trees.Count} source={fileMb:0.0} MB on disk");
        Console.WriteLine($"trees (nodes, kept tokens): {(treesOnly - before) / 1048576.0:0.0} MB = {(treesOnly - before) / 1048576.0 / fileMb:0.0} MB per MB of source");
        Console.WriteLine($"full model (+ node index, tokens, bindings, facts, project index): {(after - before) / 1048576.0:0.0} MB = {(after - before) / 1048576.0 / fileMb:0.0} MB per MB of source");
        Console.WriteLine($"(UTF-16 text alone is {sourceMb:0.0} MB; a review holds one file's model at a time, so its peak is far below the full figure)");
        GC.KeepAlive(trees);
        GC.KeepAlive(project);
        return 0;
    }
}
