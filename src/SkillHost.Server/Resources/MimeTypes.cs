namespace SkillHost.Server.Resources;

/// <summary>The MIME type a skill file is served with, from its extension.</summary>
internal static class MimeTypes
{
    public const string Markdown = "text/markdown";
    public const string Json = "application/json";

    public static string ForPath(string path) => SkillHost.Analysis.Languages.LanguageSupport.ForPath(path)?.MimeType ?? Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => Markdown,
        ".json" => Json,
        ".yaml" or ".yml" => "application/yaml",
        ".sh" => "text/x-shellscript",
        ".txt" or "" => "text/plain",
        ".toml" => "application/toml",
        ".html" or ".htm" => "text/html",
        ".csv" => "text/csv",
        ".js" or ".mjs" or ".cjs" => "text/javascript",
        ".ts" => "text/x-typescript",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
