using System.Text;
using SkillHost.Installer;
using SkillHost.Installer.Clients;

namespace SkillHost.Installer.Tests.Support;

/// <summary>A temporary home and project folder: every install in the tests goes here, never to the real home.</summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox(HostPlatform platform = HostPlatform.Linux, IReadOnlyDictionary<string, string>? variables = null, string? projectName = null)
    {
        Directory.CreateDirectory(Home);
        Project = Path.Combine(Root, projectName ?? "project");
        Directory.CreateDirectory(Project);
        Environment = new InstallEnvironment(Home, Project, platform, variables);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "skillhost-installer-" + Guid.NewGuid().ToString("N")[..12]);

    public string Home => Path.Combine(Root, "home");

    public string Project { get; }

    public InstallEnvironment Environment { get; }

    /// <summary>The launch every sandboxed install registers (a made-up path with a space, like Windows' Program Files).</summary>
    public static ServerLaunch Launch { get; } = new("/opt/Skill Host/skillhost", ["serve"]);

    public static string BundledSkill => RepoPaths.Combine("skill", "performance-optimization");

    public SkillInstaller Installer(ServerLaunch? launch = null, string version = "1.2.3") =>
        new(Environment, launch ?? Launch, BundledSkill, version);

    public ClientTarget Target(ClientKind client, InstallScope scope) =>
        ClientTargets.Resolve(client, scope, Environment, "performance-optimization");

    public static string Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Every file under the sandbox with its bytes, to prove that a refused install wrote nothing.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
