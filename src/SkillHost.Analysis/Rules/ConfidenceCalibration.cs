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
        Calibrate(rule, confidence, evidence, role, errorType: null);

    /// <summary>
    /// As <see cref="Calibrate(RuleDescriptor, Confidence, HotPathEvidence, SourceRole)"/>, for code that is a method of the error
    /// type <paramref name="errorType"/> (see <see cref="ErrorTypeOf"/>), or null: building or rendering an error runs when
    /// something failed, not per item of the success path.
    /// </summary>
    public static (Confidence Confidence, IReadOnlyList<string> Reasons) Calibrate(RuleDescriptor rule, Confidence confidence, HotPathEvidence evidence, SourceRole role, string? errorType)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(evidence);
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
