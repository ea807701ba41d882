using System.CommandLine;
using SkillHost.Installer;
using SkillHost.Installer.Clients;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost install | uninstall | status [--client …] [--scope user|project|local] [--dry-run] [--project DIR]</c>:
/// thin adapters over <see cref="SkillInstaller"/>.
/// </summary>
internal static class InstallCommands
{
    public static IEnumerable<Command> Create(CliOutput output, Func<InstallerHost> host)
    {
        yield return Verb("install", "Install the skill and register the MCP server in a client (merging into its config; re-running updates a stale entry).",
            output, host, defaultClient: true, (installer, client, scope, dryRun) =>
            {
                installer.Install(client!.Value, scope ?? InstallScope.User, dryRun, output.Out);
                return ExitCodes.Ok;
            });
        yield return Verb("uninstall", "Remove what 'skillhost install' wrote for a client, as its install manifest records, restoring the rest.",
            output, host, defaultClient: true, (installer, client, scope, dryRun) =>
            {
                installer.Uninstall(client!.Value, scope ?? InstallScope.User, dryRun, output.Out);
                return ExitCodes.Ok;
            });
        yield return Verb("status", "Show where skillhost is installed, its version, and whether each installed skill still validates. Exit 1 if one does not.",
            output, host, defaultClient: false, (installer, client, scope, _) =>
                SkillInstaller.Print(installer.Status(client, scope), onlyPresent: client is null, output.Out) ? ExitCodes.Ok : ExitCodes.Problems);
    }

    private static Command Verb(string name, string description, CliOutput output, Func<InstallerHost> host, bool defaultClient,
        Func<SkillInstaller, ClientKind?, InstallScope?, bool, int> run)
    {
        var client = new Option<string>("--client")
        {
            Description = defaultClient ? "The client: claude-code (default), vscode, cursor or claude-desktop." : "Only this client.",
            DefaultValueFactory = defaultClient ? _ => "claude-code" : null!,
        };
        client.AcceptOnlyFromAmong([.. ClientNames.Clients]);
        var scope = new Option<string>("--scope")
        {
            Description = "user (default): for you everywhere; project: in the project, shared (e.g. .mcp.json); local: Claude Code, you in this project only.",
        };
        scope.AcceptOnlyFromAmong([.. ClientNames.Scopes]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the exact changes and write nothing." };
        var project = new Option<string>("--project") { Description = "The project folder for project and local scopes (default: the working directory)." };
        var command = new Command(name, description) { client, scope, project };
        if (name != "status")
        {
            command.Add(dryRun);
        }

        command.SetAction(result =>
        {
            try
            {
                var installer = host().CreateInstaller(result.GetValue(project));
                var clientName = result.GetValue(client);
                var scopeName = result.GetValue(scope);
                return run(
                    installer,
                    clientName is null ? null : ClientNames.ParseClient(clientName),
                    scopeName is null ? null : ClientNames.ParseScope(scopeName),
                    result.GetValue(dryRun));
            }
            catch (InstallerException e)
            {
                output.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                // A failure the installer did not foresee is still one line and exit 2, never a stack trace.
                output.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.UsageOrIo;
            }
        });
        return command;
    }
}
