using SkillHost.Analysis.Profiles;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>Reads the profiles a verb was given (<c>--profile FILE</c>, <c>profile FILE…</c>): a file that yields no profile is an error, a problem inside one a warning.</summary>
internal static class ProfileFiles
{
    /// <summary>The profiles, or null (after writing why on stderr) when one cannot be read.</summary>
    public static IReadOnlyList<Profile>? Read(IReadOnlyList<string> files, string workingDirectory, CliOutput output)
    {
        var profiles = new List<Profile>();
        foreach (var file in files)
        {
            var result = ProfileReader.Read(Path.Combine(workingDirectory, file));
            foreach (var diagnostic in result.Profile is null ? [] : result.Diagnostics)
            {
                output.Error.WriteLine($"warning: {PrintableText.Escape(file)}: {PrintableText.Line(diagnostic.ToString())}");
            }

            if (result.Profile is null)
            {
                output.Error.WriteLine($"error: {PrintableText.Escape(file)}: {PrintableText.Line(result.Problem)}");
                return null;
            }

            profiles.Add(result.Profile with { Source = file.Replace('\\', '/') });
        }

        return profiles;
    }
}
