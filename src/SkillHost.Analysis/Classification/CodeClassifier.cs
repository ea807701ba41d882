using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Analysis.Classification;

/// <summary>
/// The skill's step 1 for a file and each of its functions: test code, library code, or application code
/// split into cold (start-up, configuration, module level) and hot (request handlers, per-item functions
/// called from loops, loop bodies, async tasks, <c>#[pyfunction]</c>s called in loops). Each answer carries the
/// facts it rests on, a confidence, and the skill's advice for that class. Static analysis only; thread-safe.
/// </summary>
public sealed partial class CodeClassifier
{
    // The skill's advice per kind of code, looked up once: every function of a review gets one of the three.
    private readonly string _testAdvice;
    private readonly string _libraryAdvice;
    private readonly string _applicationAdvice;

    public CodeClassifier(SkillDocument skill)
        : this(new WorkflowGuide(skill))
    {
    }

    public CodeClassifier(WorkflowGuide guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        _testAdvice = guide.AdviceFor("test")?.Text ?? string.Empty;
        _libraryAdvice = guide.AdviceFor("librar")?.Text ?? string.Empty;
        _applicationAdvice = guide.AdviceFor("application")?.Text ?? string.Empty;
    }

    /// <summary>Classifies every tree; cross-file facts (a function called from a loop in another file) count.</summary>
    public IReadOnlyList<FileClassification> Classify(IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return Classify(trees, ProjectIndex.Build(trees));
    }

    /// <summary>Classifies every tree (in parallel, results in input order) against an index already built over them.</summary>
    public IReadOnlyList<FileClassification> Classify(IReadOnlyList<SyntaxTree> trees, ProjectIndex project)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(project);
        var files = new FileClassification[trees.Count];
        Parallel.For(0, trees.Count, i => files[i] = Classify(trees[i], project));
        return files;
    }

    /// <summary>Classifies one tree, with <paramref name="project"/> holding the facts gathered over all reviewed files.</summary>
    public FileClassification Classify(SyntaxTree tree, ProjectIndex project)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(project);
        var path = tree.Source.Path ?? "<input>";
        var signals = FileSignals.Read(tree, path);
        var functions = new List<FunctionClassification>();
        foreach (var function in NodesByType.Of<FunctionNode>(tree))
        {
            var classification = ClassifyFunction(function, signals, project);
            var end = tree.Source.GetLinePosition(function.Span.End).Line;
            functions.Add(new FunctionClassification(function.Name, function.Start.Line, end, classification));
        }

        if (ModuleLevelCode(tree) is { } first)
        {
            var evidence = new List<ClassificationEvidence> { new("module-level statements run once, when the module is imported", first.Start.Line) };
            var moduleClass = signals.Test.Count > 0 ? CodeClass.Test : CodeClass.ApplicationCold;
            functions.Insert(0, new FunctionClassification(FunctionClassification.ModuleLevel, first.Start.Line, first.Start.Line, Make(moduleClass, Confidence.Medium, evidence)));
        }

        return new FileClassification(path, tree.Language, ClassifyFile(signals, functions), functions);
    }

    private CodeClassification ClassifyFile(FileSignals signals, List<FunctionClassification> functions)
    {
        if (signals.Test.Count > 0)
        {
            return Make(CodeClass.Test, signals.TestIsStrong ? Confidence.High : Confidence.Medium, signals.Test);
        }

        var hot = functions.Where(f => f.Classification.Class == CodeClass.ApplicationHot).ToList();
        if (signals.Application.Count > 0)
        {
            var evidence = signals.Application.ToList();
            evidence.AddRange(hot.Take(3).Select(f => new ClassificationEvidence($"`{f.Name}` is on the hot path ({f.Classification.Evidence[0].Fact})", f.Line)));
            return Make(hot.Count > 0 ? CodeClass.ApplicationHot : CodeClass.ApplicationCold, Confidence.High, evidence);
        }

        if (signals.Library.Count > 0)
        {
            return Make(CodeClass.Library, Confidence.High, signals.Library);
        }

        // No entry point and no package marker: a module other code calls. Hot functions make it part of the hot path.
        if (hot.Count > 0)
        {
            var evidence = hot.Take(3).Select(f => new ClassificationEvidence($"`{f.Name}` is on the hot path ({f.Classification.Evidence[0].Fact})", f.Line)).ToList();
            return Make(CodeClass.ApplicationHot, Confidence.Medium, evidence);
        }

        return Make(CodeClass.Library, Confidence.Low, [new("no entry point (`main`, a `__main__` guard, request handlers) and no tests: a module that other code calls", 0)]);
    }

    private CodeClassification ClassifyFunction(FunctionNode function, FileSignals signals, ProjectIndex project)
    {
        var line = function.Start.Line;
        if (TestEvidence(function, signals) is { } test)
        {
            return Make(CodeClass.Test, Confidence.High, [new(test, line)]);
        }

        var hot = HotEvidence(function, signals, project).ToList();
        if (hot.Count > 0)
        {
            var strong = hot.Any(h => h.Strong);
            return Make(CodeClass.ApplicationHot, strong ? Confidence.High : Confidence.Medium, [.. hot.Select(h => h.Evidence)]);
        }

        if (ColdEvidence(function) is { } cold)
        {
            return Make(CodeClass.ApplicationCold, Confidence.High, [new(cold, line)]);
        }

        if (signals.Library.Count > 0 || signals.Application.Count == 0)
        {
            var visibility = function.Visibility == Visibility.Public ? "a public" : "an internal";
            List<ClassificationEvidence> evidence = [new($"{visibility} function of library code: its callers are not in view", line)];
            if (FirstLoop(function) is { } loop)
            {
                evidence.Add(new("its loop repeats per item of its input: hot if callers pass many items", loop.Start.Line));
            }

            return Make(CodeClass.Library, signals.Library.Count > 0 ? Confidence.Medium : Confidence.Low, evidence);
        }

        return Make(CodeClass.ApplicationCold, Confidence.Low, [new("application code with no loop, handler or per-item caller in view: assumed to run once", line)]);
    }

    private CodeClassification Make(CodeClass codeClass, Confidence confidence, IReadOnlyList<ClassificationEvidence> evidence)
    {
        var advice = codeClass switch
        {
            CodeClass.Test => _testAdvice,
            CodeClass.Library => _libraryAdvice,
            _ => _applicationAdvice,
        };
        return new CodeClassification(codeClass, confidence, evidence, advice);
    }

    // The first statement at module level that is not a definition or an import (Python only: Rust has no module-level code).
    private static SyntaxNode? ModuleLevelCode(SyntaxTree tree) =>
        tree.Language != SourceLanguage.Python
            ? null
            : tree.Root.Children.FirstOrDefault(c => c is CallNode or LoopNode or WithNode or AwaitNode
                || (c is AssignmentNode { ValueCallee: not null })
                || (c is ConditionalNode && !c.Text.Contains("__name__", StringComparison.Ordinal)));
}
