namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>
/// Runs tests/clients/validate-sarif.cjs: ajv against the official SARIF 2.1.0 JSON schema (the copy
/// @microsoft/jest-sarif ships), installed by ./run-tests.sh (npm ci in tests/clients).
/// </summary>
internal static class SarifValidatorCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output)> ValidateAsync(string sarifFile, CancellationToken cancellationToken)
    {
        var clients = RepoPaths.Combine("tests", "clients");
        Assert.True(Directory.Exists(Path.Combine(clients, "node_modules", "@microsoft", "jest-sarif")),
            $"The SARIF schema validator is not installed under {clients}. Run ./run-tests.sh (it runs 'npm ci' in tests/clients) or 'cd tests/clients && npm ci'.");

        return await ProcessRunner.RunAsync("node", [Path.Combine(clients, "validate-sarif.cjs"), sarifFile], clients, Timeout, cancellationToken);
    }
}
