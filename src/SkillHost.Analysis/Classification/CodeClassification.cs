using System.Text.Json.Serialization;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Classification;

/// <summary>The skill's step-1 classes: what kind of code this is, which decides how much complexity a speed-up may cost.</summary>
public enum CodeClass
{
    /// <summary>Tests: only asymptotic complexity and total suite time matter.</summary>
    Test,

    /// <summary>Library code: callers are unknown, so safe, low-complexity techniques.</summary>
    Library,

    /// <summary>Application start-up, configuration and other code that runs once: correct and clear is enough.</summary>
    ApplicationCold,

    /// <summary>Application code that repeats per request, item or frame: where effort pays.</summary>
    ApplicationHot,
}

/// <summary>One fact behind a classification, with the 1-based line it was read from (0 when it is about the path).</summary>
public sealed record ClassificationEvidence(string Fact, int Line);

/// <summary>A class, why (evidence), how sure, and what the skill advises for code of that class.</summary>
/// <param name="Advice">The skill's step-1 text for the class ("Cold code needs to be correct and clear…"); empty when the skill has none.</param>
public sealed record CodeClassification(CodeClass Class, Confidence Confidence, IReadOnlyList<ClassificationEvidence> Evidence, string Advice)
{
    /// <summary>"test", "library", "application-cold", "application-hot".</summary>
    public string ClassName => Name(Class);

    public static string Name(CodeClass codeClass) => codeClass switch
    {
        CodeClass.Test => "test",
        CodeClass.Library => "library",
        CodeClass.ApplicationCold => "application-cold",
        _ => "application-hot",
    };
}

/// <summary>A function (or the module-level code, named <see cref="FunctionClassification.ModuleLevel"/>) and its class.</summary>
public sealed record FunctionClassification(string Name, int Line, int EndLine, CodeClassification Classification)
{
    /// <summary>The name used for statements at module level.</summary>
    public const string ModuleLevel = "<module>";
}

/// <summary>A file's class and the class of each of its functions.</summary>
public sealed record FileClassification(string Path, SourceLanguage Language, CodeClassification File, IReadOnlyList<FunctionClassification> Functions)
{
    /// <summary>The functions classed as hot, in file order.</summary>
    [JsonIgnore]
    public IEnumerable<FunctionClassification> HotFunctions => Functions.Where(f => f.Classification.Class == CodeClass.ApplicationHot);

    /// <summary>The classification of the function around <paramref name="line"/>, else the file's.</summary>
    public CodeClassification At(int line) =>
        Functions.Where(f => f.Name != FunctionClassification.ModuleLevel && f.Line <= line && line <= f.EndLine)
            .OrderByDescending(f => f.Line)
            .Select(f => f.Classification)
            .FirstOrDefault() ?? File;
}
