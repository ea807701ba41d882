using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkillHost.Server.Hosting;

/// <summary>Where the server finds skills: the folders given with <c>--skills</c>, then the bundled skill folder.</summary>
/// <param name="SkillFolders">Folders to search (user-given, in order); a skill here wins over a bundled skill of the same name.</param>
/// <param name="BundledFolder">The folder holding the skills that travel with the executable (always served).</param>
/// <param name="Watch">Re-read the skills when a file below the folders changes, and raise <see cref="SkillCatalog.Changed"/>.</param>
internal sealed record SkillCatalogOptions(IReadOnlyList<string> SkillFolders, string BundledFolder, bool Watch = true)
{
    public static string DefaultBundledFolder => Path.Combine(AppContext.BaseDirectory, "skill");
}

/// <summary>
/// The skills the server hosts, as an immutable snapshot swapped whole on every reload so a request
/// always sees one consistent set. Watches the folders and re-reads them (debounced) when files change.
/// </summary>
internal sealed partial class SkillCatalog : IDisposable
{
    /// <summary>The bundled flagship skill: the default of every tool that takes a skill name.</summary>
    public const string DefaultSkillName = "performance-optimization";

    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly SkillCatalogOptions _options;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _reloadTimer;
    private readonly Lock _reloadLock = new();
    private volatile StrongBox<ImmutableArray<HostedSkill>> _skills = new([]);
    private bool _loaded;

    public SkillCatalog(SkillCatalogOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _reloadTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        Reload();
        if (options.Watch)
        {
            StartWatching();
        }
    }

    /// <summary>Raised after a reload changed the set of skills or any file's content.</summary>
    public event EventHandler? Changed;

    public ImmutableArray<HostedSkill> Skills => _skills.Value;

    /// <summary>The skill called <paramref name="name"/>, or the default skill when <paramref name="name"/> is empty.</summary>
    public HostedSkill? Find(string? name)
    {
        var skills = Skills;
        if (string.IsNullOrWhiteSpace(name))
        {
            return skills.FirstOrDefault(s => s.Name == DefaultSkillName) ?? skills.FirstOrDefault();
        }

        return skills.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.Ordinal));
    }

    /// <summary>The skill called <paramref name="name"/> (default when empty) or an exception whose message lists the hosted skills.</summary>
    public HostedSkill Require(string? name) =>
        Find(name) ?? throw new ModelContextProtocol.McpException(
            $"No hosted skill is called '{name}'. Hosted skills: {string.Join(", ", Skills.Select(s => s.Name))}. Omit 'skill' to use '{DefaultSkillName}'.");

    /// <summary>Reads every skill folder again; raises <see cref="Changed"/> when anything differs.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            var skills = ImmutableArray.CreateBuilder<HostedSkill>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in _options.SkillFolders.Append(_options.BundledFolder))
            {
                if (!Directory.Exists(root))
                {
                    LogMissingFolder(_logger, root);
                    continue;
                }

                foreach (var folder in SkillFolderReader.FindSkillFolders(root))
                {
                    if (SkillFolderReader.Read(folder, _logger) is not { } skill)
                    {
                        continue;
                    }

                    if (!names.Add(skill.Name))
                    {
                        LogDuplicate(_logger, skill.Name, folder);
                        continue;
                    }

                    skills.Add(skill);
                }
            }

            var previous = _skills.Value;
            var next = skills.ToImmutable();
            _skills = new(next);
            var first = !_loaded;
            _loaded = true;
            if (!first && !SameContent(previous, next))
            {
                LogReloaded(_logger, next.Length);
                Changed?.Invoke(this, EventArgs.Empty);
            }
        }
    }

    private static bool SameContent(ImmutableArray<HostedSkill> a, ImmutableArray<HostedSkill> b) =>
        a.Length == b.Length && a.Zip(b).All(pair =>
            pair.First.Name == pair.Second.Name
            && pair.First.Folder == pair.Second.Folder
            && pair.First.Files.Select(f => (f.RelativePath, f.Digest)).SequenceEqual(pair.Second.Files.Select(f => (f.RelativePath, f.Digest))));

    private void StartWatching()
    {
        foreach (var root in _options.SkillFolders.Append(_options.BundledFolder).Where(Directory.Exists))
        {
            try
            {
                var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
                watcher.Changed += OnFileEvent;
                watcher.Created += OnFileEvent;
                watcher.Deleted += OnFileEvent;
                watcher.Renamed += OnFileEvent;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
            {
                // Out of inotify watches, or a file system that cannot be watched: serve what was read, without live updates.
                LogWatchFailed(_logger, root, e.Message);
            }
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => _reloadTimer.Change(Debounce, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _reloadTimer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skill folder {Folder} does not exist; serving the others")]
    private static partial void LogMissingFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A skill called {Name} is already hosted; ignoring the one in {Folder}")]
    private static partial void LogDuplicate(ILogger logger, string name, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skills changed on disk; now hosting {Count}")]
    private static partial void LogReloaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder} for changes ({Reason}); changes there need a restart")]
    private static partial void LogWatchFailed(ILogger logger, string folder, string reason);
}
