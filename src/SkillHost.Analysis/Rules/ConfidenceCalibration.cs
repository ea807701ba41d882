namespace SkillHost.Analysis.Rules;

/// <summary>
/// The confidence a finding ends with, from the rule's own judgement and the facts around the code: a rule says how sure it
/// is of the pattern, this says whether the code repeats on a path that matters. Calibrated on real repositories
/// (calibration/verdicts.tsv): findings whose only evidence of repetition was a function *name* seen in a loop somewhere,
/// or that sat in examples, docs tooling, benchmarks or tests, were wrong or not worth acting on nearly every time.
/// </summary>
public static class ConfidenceCalibration
{
    /// <summary>The final confidence, and the facts that explain a demotion (added to the finding's evidence).</summary>
    public static (Confidence Confidence, IReadOnlyList<string> Reasons) Calibrate(RuleDescriptor rule, Confidence confidence, HotPathEvidence evidence, SourceRole role) =>
        Calibrate(rule, confidence, evidence, role, PassFacts.None);

    /// <summary>
    /// As <see cref="Calibrate(RuleDescriptor, Confidence, HotPathEvidence, SourceRole)"/>, with what is known about the pass the
    /// finding repeats in (<see cref="PassFacts"/>).
    /// </summary>
    public static (Confidence Confidence, IReadOnlyList<string> Reasons) Calibrate(RuleDescriptor rule, Confidence confidence, HotPathEvidence evidence, SourceRole role, PassFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(facts);
        var errorType = facts.ErrorType;
        var reasons = new List<string>();
        if (role != SourceRole.Production)
        {
            reasons.Add($"in {SourceRoles.Describe(role)}, which the skill judges by asymptotic cost only: demoted to low confidence");
        }

        // "Called from a loop" is matched by name across the reviewed code, not resolved to this function: a name is not
        // evidence that this code repeats. Rules whose cost does not come from repetition (blocking in async, padding) keep theirs.
        if (rule.NeedsRepetition && evidence is { LoopDepth: 0, PerItemFunction: true, PerItemResolved: false })
        {
            reasons.Add("the only sign that it repeats is a call by the same name inside a loop elsewhere, not resolved to this function: demoted to low confidence");
        }
        else if (rule.SavesOncePerCall && evidence is { LoopDepth: 0, PerItemResolved: false })
        {
            // Calibration: every such finding on real code (ripgrep's matcher and printer builds) was a collection built
            // once per call of code that runs a handful of times; the saving is a few reallocations per call.
            reasons.Add("the collection is built once per call of its function, and nothing in view shows that function runs often (no loop around it, no caller per item): the few reallocations it saves do not add up: demoted to low confidence");
        }
        else if (rule.NeedsRepetition && evidence is { LoopDepth: > 0, RepeatingLevels: 0 })
        {
            reasons.Add("every loop around it has a trip count the code fixes (a constant or a written-out handful): demoted to low confidence");
        }

        // Calibration: every throwaway list and every slot-less class on real code was a handful of items per call (headers of a
        // request, fields of a form, groups of shared tensors); a transient list of N pointers or a per-instance dict costs
        // memory, not time (CPython builds a small list faster than it runs a generator), and matters only when N is large.
        if (facts.SavesOnlyMemory)
        {
            reasons.Add("the saving is memory held for the length of one call (the whole list or a dict per instance), not time, and nothing in view states that the collection is large: demoted to low confidence");
        }

        if (rule.NeedsRepetition && facts.Constructor is { } constructor && !evidence.PerItemResolved)
        {
            reasons.Add($"in the constructor {constructor}: it runs once per construction, over what the object is built from, and no caller in view constructs it per item: demoted to low confidence");
        }

        if (rule.NeedsRepetition && facts.IoInSamePass is { } io)
        {
            reasons.Add($"the same pass also does I/O, {io}, which costs microseconds to milliseconds against this finding's nanoseconds: the skill's biggest lever is there, not here: demoted to low confidence");
        }

        if (rule.NeedsRepetition && errorType is not null)
        {
            reasons.Add($"in a method of the error type `{errorType}`: it runs when something has failed, not per item of the success path: demoted to low confidence");
        }

        return (reasons.Count > 0 ? Confidence.Low : confidence, reasons);
    }

    /// <summary>
    /// The error type whose method (or trait implementation, such as <c>Display</c>) holds <paramref name="node"/>: the nearest
    /// enclosing Rust <c>impl</c> or Python class whose type is named <c>…Error</c> or <c>…Exception</c>; null elsewhere.
    /// </summary>
    public static string? ErrorTypeOf(Syntax.SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var ancestor in node.Ancestors())
        {
            var name = ancestor switch
            {
                Syntax.ImplNode impl => impl.SelfType,
                Syntax.TypeDeclNode type => type.Name,
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            var bare = CallTargets.BareType(name);
            return bare.EndsWith("Error", StringComparison.Ordinal) || bare.EndsWith("Exception", StringComparison.Ordinal) ? bare : null;
        }

        return null;
    }
}

/// <summary>
/// What the model knows about the pass a finding repeats in, beyond its loops (<see cref="HotPathEvidence"/>).
/// </summary>
/// <param name="ErrorType">The error type whose method holds the code (<see cref="ConfidenceCalibration.ErrorTypeOf"/>): it runs when something failed.</param>
/// <param name="SavesOnlyMemory">The fix saves memory held for one call (a throwaway list, a per-instance dict), not time.</param>
/// <param name="Constructor">The constructor that holds the code (<see cref="CostlierWork.ConstructorOf"/>), described.</param>
/// <param name="IoInSamePass">I/O that runs in the same pass (<see cref="CostlierWork.IoInSamePass"/>), described.</param>
public sealed record PassFacts(string? ErrorType = null, bool SavesOnlyMemory = false, string? Constructor = null, string? IoInSamePass = null)
{
    public static PassFacts None { get; } = new();
}
