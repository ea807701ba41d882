namespace SkillHost.Server.Tools;

/// <summary>Parameter descriptions shared by the tools that take code, written for the model that calls them.</summary>
internal static class ToolDescriptions
{
    public const string Code = "Source code to review, as text. Use with 'language' or 'filename'. Leave out when passing 'paths'.";
    public const string Language = "Language of 'code': 'python' or 'rust'. Optional when 'filename' ends in .py or .rs.";
    public const string Filename = "A file name for 'code' (e.g. 'handlers.py'): sets the language and the path shown in results.";
    public const string Paths = "Files or folders to read instead of 'code', relative to the first allowed root or absolute; folders are walked (honouring .gitignore). Must lie inside the client's roots (or the server's working folder).";
    public const string AssumeN = "The scenario count for each loop or collection whose size the code does not state (1-1,000,000; default 1,000). Estimates that use it say so and carry passes.source 'assumed' with no total; counts the code states are used as written.";
    public const string Profile = "Profiles of the code's run, paths inside the client's roots (cProfile pstats, collapsed stacks, speedscope JSON or perf script text; read from the content). Each finding's estimate then carries 'measured' (share of the run on its line or in its function, selfShare, seconds or samples, calls), a call count the profile made replaces an assumed pass count (passes.source 'profile'), and findings rank by measured time.";

    public const string Skill = "Name of the hosted skill to use; default 'performance-optimization'.";
}
