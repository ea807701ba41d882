namespace SkillHost.Analysis.Rules.Python;

/// <summary>The Python rules, in id order.</summary>
public static class PythonRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new MembershipTestOnList(),
        new ThrowawayList(),
        new SlotlessClassInstantiatedInLoop(),
        new CollectionAllocatedInLoop(),
        new SequentialAwaitInLoop(),
        new AttributeChainInLoop(),
        new EagerLogFormattingInLoop(),
        new StdlibJsonOnHotPath(),
        new BlockingCallInAsyncFunction(),
        new RepeatedPureCallInLoop(),
        new NestedLoopKeyMatch(),
    ];
}
