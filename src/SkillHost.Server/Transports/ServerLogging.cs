using System.Globalization;
using Microsoft.Extensions.Logging;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Transports;

/// <summary>Logging shared by both transports: one line per entry on stderr, warnings and up by default.</summary>
internal static class ServerLogging
{
    /// <summary>SKILLHOST_LOG_LEVEL (Trace, Debug, Information, Warning, Error) overrides the default of Warning.</summary>
    public const string LevelVariable = "SKILLHOST_LOG_LEVEL";

    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(new StderrLoggerProvider(Console.Error));
        logging.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LevelVariable), ignoreCase: true, out var level) ? level : LogLevel.Warning);
    }

    /// <summary>Reads the skills now (so the first request finds them), logging through <paramref name="loggers"/>, which must outlive the catalog.</summary>
    public static SkillCatalog CreateCatalog(ServeOptions options, ILoggerFactory loggers) =>
        new(new SkillCatalogOptions([.. options.SkillFolders.Select(f => Path.GetFullPath(f))], SkillCatalogOptions.DefaultBundledFolder, options.Watch), loggers.CreateLogger<SkillCatalog>());

    /// <summary>
    /// Writes "level: category: message" lines (and the exception, if any) to a writer, synchronously. Not the console
    /// provider: its options, formatters and queue thread took ~20% of the Native AOT server's cold start, for a
    /// server that logs a few warnings at most (stdout is the protocol, so only stderr is ever written).
    /// </summary>
    private sealed class StderrLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        private readonly TextWriter _writer = TextWriter.Synchronized(writer);

        public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, _writer);

        public void Dispose()
        {
            // The writer is the process's stderr: not ours to close.
        }
    }

    private sealed class StderrLogger(string category, TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // The factory's filter (minimum level) runs before this logger is asked.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            writer.WriteLine(exception is null
                ? string.Create(CultureInfo.InvariantCulture, $"{Label(logLevel)}: {category}: {message}")
                : string.Create(CultureInfo.InvariantCulture, $"{Label(logLevel)}: {category}: {message}{Environment.NewLine}{exception}"));
        }

        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
