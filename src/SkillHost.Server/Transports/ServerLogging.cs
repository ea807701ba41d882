using Microsoft.Extensions.Logging;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Transports;

/// <summary>Logging shared by both transports: the console provider writing every level to stderr, warnings and up by default.</summary>
internal static class ServerLogging
{
    /// <summary>SKILLHOST_LOG_LEVEL (Trace, Debug, Information, Warning, Error) overrides the default of Warning.</summary>
    public const string LevelVariable = "SKILLHOST_LOG_LEVEL";

    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LevelVariable), ignoreCase: true, out var level) ? level : LogLevel.Warning);
    }

    /// <summary>Reads the skills now (so the first request finds them), logging through <paramref name="loggers"/>, which must outlive the catalog.</summary>
    public static SkillCatalog CreateCatalog(ServeOptions options, ILoggerFactory loggers) =>
        new(new SkillCatalogOptions([.. options.SkillFolders.Select(f => Path.GetFullPath(f))], SkillCatalogOptions.DefaultBundledFolder, options.Watch), loggers.CreateLogger<SkillCatalog>());
}
