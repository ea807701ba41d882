using System.Security.Cryptography;

namespace SkillHost.Installer.Files;

internal static class Hashes
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The file's SHA-256, or <c>null</c> when it does not exist.</summary>
    public static string? Sha256OfFile(string path) => File.Exists(path) ? Sha256(GuardedFile.ReadAllBytes(path)) : null;
}
