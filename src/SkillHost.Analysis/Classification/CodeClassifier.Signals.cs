using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Classification;

public sealed partial class CodeClassifier
{
    // Decorators / attributes that make a function a request or message handler: Flask, FastAPI, Django REST, aiohttp, Celery, actix, rocket.
    private static readonly HashSet<string> HandlerDecorators = new(StringComparer.Ordinal)
    {
        "route", "get", "post", "put", "patch", "delete", "websocket", "api_view", "task", "shared_task", "view_config", "subscriber", "consumer",
    };

    // Rust parameter types of axum/actix handlers (extractors).
    private static readonly string[] HandlerExtractors = ["Json<", "Query<", "Path<", "State<", "Form<", "web::", "HttpRequest", "Request<"];

    private static readonly string[] ColdNames = ["main", "__init__", "__new__", "__post_init__", "setup", "set_up", "configure", "load_config", "read_config", "parse_args", "create_app", "build_app", "init", "initialize", "initialise", "bootstrap"];

    private static string? TestEvidence(FunctionNode function, FileSignals signals)
    {
        if (function.HasAttribute("test") || function.HasAttribute("bench"))
        {
            return $"`#[{function.Attributes.First(a => a.Name.EndsWith("test", StringComparison.Ordinal) || a.Name.EndsWith("bench", StringComparison.Ordinal)).Name}]` marks a test";
        }

        if (function.Attributes.FirstOrDefault(a => a.Name.StartsWith("pytest", StringComparison.Ordinal)) is { } pytest)
        {
            return $"`@{pytest.Name}` marks test code";
        }

        if (function.Ancestors().OfType<ModuleNode>().FirstOrDefault(m => m.Attributes.Any(IsCfgTest)) is { } testModule)
        {
            return $"inside `#[cfg(test)] mod {testModule.Name}`";
        }

        if (function.Tree.Language == SourceLanguage.Python && function.Name.StartsWith("test", StringComparison.Ordinal))
        {
            return $"`{function.Name}` is named as a test (pytest and unittest collect `test*` functions)";
        }

        if (function.EnclosingType() is { } type && (type.Name.StartsWith("Test", StringComparison.Ordinal) || type.Bases.Any(b => b.EndsWith("TestCase", StringComparison.Ordinal))))
        {
            return $"a method of the test class `{type.Name}`";
        }

        return signals.Test.Count > 0 ? $"in test code ({signals.Test[0].Fact})" : null;
    }

    private static IEnumerable<(ClassificationEvidence Evidence, bool Strong)> HotEvidence(FunctionNode function, FileSignals signals, ProjectIndex project)
    {
        var line = function.Start.Line;
        foreach (var decorator in function.Attributes)
        {
            var last = decorator.Name[(decorator.Name.LastIndexOfAny(['.', ':']) + 1)..];
            if (HandlerDecorators.Contains(last) && (decorator.Name.Contains('.', StringComparison.Ordinal) || function.Tree.Language == SourceLanguage.Rust))
            {
                yield return (new($"`{Written(function, decorator)}` makes it a request handler: it runs once per request", decorator.Span.Start == 0 ? line : function.Tree.Source.GetLinePosition(decorator.Span.Start).Line), true);
            }
        }

        if (function.Tree.Language == SourceLanguage.Python && function.Parameters.FirstOrDefault(p => p.Name is "request" or "req") is { } request)
        {
            yield return (new($"takes `{request.Name}`: a request handler runs once per request", line), false);
        }
        else if (function.Tree.Language == SourceLanguage.Rust && function.Parameters.FirstOrDefault(p => p.Type is { } t && HandlerExtractors.Any(e => t.Contains(e, StringComparison.Ordinal))) is { } extractor)
        {
            yield return (new($"takes the extractor `{extractor.Type}`: a web handler runs once per request", line), false);
        }

        // Only a call resolved to this function is evidence (CallTargets); a loop that calls some function of the same name is not.
        if (project.LoopCallerOf(function) is { } caller)
        {
            yield return (new($"`{function.Name}` is called from a loop at {ProjectIndex.Place(caller)}, so it runs per item", line), true);
        }
        else if (function.HasAttribute("pyfunction") && project.IsCalledInLoop(function.Name) && project.PyFunction(function.Name) == function)
        {
            yield return (new($"`{function.Name}` is a `#[pyfunction]` that Python calls from a loop, so it runs (and crosses the boundary) per item", line), true);
        }

        if (Spawned(function, signals) is { } spawn)
        {
            yield return (new($"started as a task by `{spawn.Callee}(…)` (line {spawn.Start.Line})", line), true);
        }
        else if (function.IsAsync && signals.Application.Count > 0)
        {
            yield return (new($"`{(function.Tree.Language == SourceLanguage.Rust ? "async fn" : "async def")}` in application code: it runs as a task on the event loop", line), false);
        }

        if (signals.Application.Count > 0 && ColdEvidence(function) is null && FirstLoop(function) is { } loop)
        {
            yield return (new($"its body loops (line {loop.Start.Line}): the loop body repeats per item", loop.Start.Line), false);
        }
    }

    private static string? ColdEvidence(FunctionNode function)
    {
        var name = function.Name;
        if (ColdNames.Contains(name, StringComparer.Ordinal) || name.StartsWith("init_", StringComparison.Ordinal) || name.StartsWith("setup_", StringComparison.Ordinal) || name.StartsWith("load_", StringComparison.Ordinal) && name.EndsWith("config", StringComparison.Ordinal))
        {
            return name switch
            {
                "main" => "`main` is the entry point: start-up code that runs once",
                "__init__" or "__new__" or "__post_init__" => $"`{name}` runs once per object, at construction",
                _ => $"`{name}` is set-up or configuration code that runs once",
            };
        }

        return function.Attributes.FirstOrDefault(a => a.Name.EndsWith("main", StringComparison.Ordinal)) is { } entry
            ? $"`#[{entry.Name}]` marks the entry point: start-up code that runs once"
            : null;
    }

    private static LoopNode? FirstLoop(FunctionNode function) =>
        function.Descendants<LoopNode>().FirstOrDefault(l => l.EnclosingFunction() == function);

    private static CallNode? Spawned(FunctionNode function, FileSignals signals)
    {
        foreach (var (call, arguments) in signals.Spawns)
        {
            if (arguments.Any(a => References(a, function.Name)))
            {
                return call;
            }
        }

        return null;
    }

    private static bool References(string argument, string name)
    {
        var at = argument.IndexOf(name, StringComparison.Ordinal);
        return at >= 0 && (at == 0 || !(char.IsLetterOrDigit(argument[at - 1]) || argument[at - 1] == '_'))
            && (at + name.Length == argument.Length || !(char.IsLetterOrDigit(argument[at + name.Length]) || argument[at + name.Length] == '_'));
    }

    private static string Written(FunctionNode function, AttributeInfo attribute) =>
        (function.Tree.Language == SourceLanguage.Rust ? "#[" : "@") + attribute.Name + (attribute.Arguments is null ? string.Empty : "(…)") + (function.Tree.Language == SourceLanguage.Rust ? "]" : string.Empty);

    private static bool IsCfgTest(AttributeInfo attribute) =>
        attribute.Name == "cfg" && attribute.Arguments is { } args && args.Trim() == "test";

    /// <summary>What the path and the file's contents say about the whole file.</summary>
    private sealed class FileSignals
    {
        public List<ClassificationEvidence> Test { get; } = [];

        public bool TestIsStrong { get; private set; }

        public List<ClassificationEvidence> Library { get; } = [];

        public List<ClassificationEvidence> Application { get; } = [];

        /// <summary>The file's task-starting calls (<c>spawn</c>, <c>create_task</c>…) with their argument texts, gathered once per file: every function is checked against them.</summary>
        public List<(CallNode Call, string[] Arguments)> Spawns { get; } = [];

        public static FileSignals Read(SyntaxTree tree, string path)
        {
            var signals = new FileSignals();
            foreach (var call in NodesByType.Of<CallNode>(tree))
            {
                if (IsSpawn(call.Name))
                {
                    signals.Spawns.Add((call, [.. call.Arguments.Select(a => tree.Source.ToString(a.Span))]));
                }
            }

            var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            var file = segments.Length == 0 ? path : segments[^1];
            var stem = Path.GetFileNameWithoutExtension(file);
            var folders = segments.Length > 1 ? segments[..^1] : [];
            if (folders.FirstOrDefault(f => f is "tests" or "test" or "testing") is { } testFolder)
            {
                signals.Test.Add(new($"lives under a `{testFolder}/` folder", 0));
            }

            if (stem.StartsWith("test_", StringComparison.Ordinal) || stem.EndsWith("_test", StringComparison.Ordinal) || stem.EndsWith("_tests", StringComparison.Ordinal) || stem == "conftest")
            {
                signals.Test.Add(new($"the file name `{file}` is a test module's", 0));
            }

            if (tree.Language == SourceLanguage.Python)
            {
                ReadPython(tree, file, signals);
            }
            else
            {
                ReadRust(tree, file, folders, signals);
            }

            return signals;
        }

        // A constant pattern, not a set: it runs for every call of every file and mostly answers no on the length alone.
        private static bool IsSpawn(string name) => name is "spawn" or "create_task" or "ensure_future" or "spawn_blocking" or "submit";

        private static void ReadPython(SyntaxTree tree, string file, FileSignals signals)
        {
            foreach (var import in NodesByType.Of<ImportNode>(tree).Where(i => i.EnclosingFunction() is null))
            {
                var module = import.Module ?? (import.Names.Count > 0 ? import.Names[0].Name : null) ?? string.Empty;
                var root = module.Split('.')[0];
                if (root is "pytest" or "unittest" or "hypothesis")
                {
                    signals.Test.Add(new($"imports `{root}`", import.Start.Line));
                    signals.TestIsStrong = true;
                }
                else if (root is "flask" or "fastapi" or "django" or "aiohttp" or "starlette" or "celery" or "sanic" or "tornado" or "argparse" or "click" or "typer")
                {
                    signals.Application.Add(new($"imports `{root}`, an application framework", import.Start.Line));
                }
            }

            foreach (var condition in tree.Root.Children.OfType<ConditionalNode>())
            {
                var text = tree.Source.ToString(condition.ConditionSpan);
                if (text.Contains("__name__", StringComparison.Ordinal) && text.Contains("__main__", StringComparison.Ordinal))
                {
                    signals.Application.Add(new("an `if __name__ == \"__main__\":` guard makes it a script", condition.Start.Line));
                }
            }

            if (file == "__main__.py")
            {
                signals.Application.Add(new("`__main__.py` is a program's entry point", 0));
            }

            if (file == "__init__.py")
            {
                signals.Library.Add(new("`__init__.py` marks a package", 0));
            }

            if (NodesByType.Of<AssignmentNode>(tree).FirstOrDefault(a => a.Targets.Contains("__all__") && a.EnclosingFunction() is null) is { } exports)
            {
                signals.Library.Add(new("`__all__` declares a public API", exports.Start.Line));
            }
        }

        private static void ReadRust(SyntaxTree tree, string file, string[] folders, FileSignals signals)
        {
            if (tree.Root.Attributes.Any(a => a.IsInner && IsCfgTest(a)))
            {
                signals.Test.Add(new("`#![cfg(test)]` compiles it for tests only", 1));
                signals.TestIsStrong = true;
            }

            if (folders.Contains("benches"))
            {
                signals.Test.Add(new("lives under `benches/`: benchmark code", 0));
            }

            if (file == "main.rs" || folders.Contains("bin"))
            {
                signals.Application.Add(new(file == "main.rs" ? "`main.rs` is a binary's entry point" : "lives under `src/bin/`: a binary", 0));
            }

            if (NodesByType.Of<FunctionNode>(tree).FirstOrDefault(f => f.Name == "main" && f.EnclosingFunction() is null && !f.IsMethod) is { } main)
            {
                signals.Application.Add(new("defines `fn main`: a program", main.Start.Line));
            }

            if (file == "lib.rs")
            {
                signals.Library.Add(new("`lib.rs` is a library crate's root", 0));
            }

            if (NodesByType.Of<FunctionNode>(tree).FirstOrDefault(f => f.HasAttribute("pymodule")) is { } module)
            {
                signals.Library.Add(new($"`#[pymodule] {module.Name}` builds a Python extension: a library Python code calls", module.Start.Line));
            }

            var publicItems = NodesByType.Of<FunctionNode>(tree).Count(f => f.Visibility == Visibility.Public && !f.IsMethod);
            if (publicItems > 0 && signals.Application.Count == 0)
            {
                signals.Library.Add(new($"{publicItems} public function{(publicItems == 1 ? "" : "s")} form an API", 0));
            }
        }
    }
}
