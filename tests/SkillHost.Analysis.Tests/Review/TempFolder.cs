namespace SkillHost.Analysis.Tests.Review;

/// <summary>A fresh folder under the system temp folder (never the home folder), deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "skillhost-review-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Folder(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    /// <summary>Marks the folder as a git repository root (a .git folder), as git itself would find it.</summary>
    public void InitRepository(string relative = ".") => Folder(Path.Combine(relative, ".git"));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
