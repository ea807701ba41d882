using BenchmarkDotNet.Running;

namespace SkillHost.Benchmarks;

/// <summary>Entry point: named commands first (see <see cref="Commands"/>), else BenchmarkDotNet's switcher.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Commands.TryRun(args, out var exitCode))
        {
            return exitCode;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
