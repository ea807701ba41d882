namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>The PyO3 rules, in id order.</summary>
public static class PyO3Rules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new GilAcquiredPerItem(),
        new PythonObjectInRustLoop(),
        new CpuWorkWhileHoldingGil(),
        new OwnedCopyOfPythonArgument(),
        new NativeCallPerItem(),
        new PlatformConstantReadFromPython(),
    ];
}
