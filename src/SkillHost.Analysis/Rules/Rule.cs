namespace SkillHost.Analysis.Rules;

/// <summary>
/// One checklist detector. A rule is stateless: <see cref="Analyze"/> reads one file's structural
/// model through the context and reports findings to it.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract void Analyze(RuleContext context);

    public override string ToString() => $"{Descriptor.Id} {Descriptor.Slug} {Descriptor.Name}";
}
