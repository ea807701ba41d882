namespace SkillHost.Analysis.Rules.Rust;

/// <summary>The Rust rules, in id order.</summary>
public static class RustRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new NestedIterationKeyMatch(),
        new GrowFromEmptyWithKnownLength(),
        new CloneOnlyRead(),
        new StringAllocationPerIteration(),
        new NeedlessHeapAllocation(),
        new SpawnPerTinyTask(),
        new PaddedFixedLayout(),
        new SmallPublicFunctionWithoutInline(),
        new LockPerIteration(),
        new EagerLogArgumentInLoop(),
        new SequentialAwaitInForLoop(),
        new LinearSearchInLoop(),
        new LockGuardAcrossAwait(),
    ];
}
