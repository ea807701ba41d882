using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Tests.Support;

/// <summary>A Python rule that throws on every file: what a bug in a rule looks like to the server.</summary>
internal sealed class ThrowingRule : Rule
{
    public const string Id = "PY990";

    public const string Failure = "InvalidOperationException: this rule always fails";

    public override RuleDescriptor Descriptor { get; } = new(
        Id, "python/test-throws", "AlwaysThrows", SourceLanguage.Python,
        WhatItDoes: "Throws.", WhyBad: "It is a test.", Example: "x = 1", UseInstead: "nothing", CostOperation: null);

    public override void Analyze(RuleContext context) => throw new InvalidOperationException("this rule always fails");
}
