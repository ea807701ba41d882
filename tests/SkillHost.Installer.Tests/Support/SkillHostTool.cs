namespace SkillHost.Installer.Tests.Support;

/// <summary>The real skillhost (skillhost.dll copied beside the tests by the project reference), run as its own process.</summary>
internal static class SkillHostTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "skillhost.dll");

    public static Task<(int ExitCode, string Output)> RunAsync(Sandbox sandbox, CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync(DotnetHost, [Dll, .. arguments], sandbox.Project, ClaudeCli.Environment(sandbox), Timeout, cancellationToken);

    /// <summary>The dotnet executable running these tests, so the tool runs on the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
