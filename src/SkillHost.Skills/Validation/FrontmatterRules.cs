namespace SkillHost.Skills.Validation;

/// <summary>The individual frontmatter checks behind <see cref="SkillValidator"/>, one method per field.</summary>
internal sealed class FrontmatterRules(FrontmatterMap frontmatter, string? folderName, ValidationProfile profile, List<Diagnostic> problems)
{
    private bool IsSpec => profile == ValidationProfile.Spec;

    public void CheckFields()
    {
        foreach (var entry in frontmatter.Entries)
        {
            if (SkillValidator.SpecFields.Contains(entry.Key))
            {
                continue;
            }

            if (IsSpec)
            {
                Error(DiagnosticCodes.UnknownField, entry.Line,
                    $"Field '{entry.Key}' is not part of the Agent Skills spec (allowed: {string.Join(", ", SkillValidator.SpecFields)}). Remove it, or move it under 'metadata:'.");
            }
            else if (!SkillValidator.ClaudeCodeFields.Contains(entry.Key))
            {
                Warning(DiagnosticCodes.UnknownField, entry.Line,
                    $"Field '{entry.Key}' is neither an Agent Skills nor a Claude Code field; Claude Code ignores it.");
            }
        }
    }

    public void CheckName()
    {
        var entry = frontmatter.Find("name");
        if (entry is null)
        {
            if (IsSpec)
            {
                Error(DiagnosticCodes.NameMissing, frontmatter.Line, "Missing required field 'name': add 'name: <folder-name>' to the frontmatter.");
            }

            return;
        }

        if (entry.Value is not FrontmatterScalar { IsNull: false } scalar || string.IsNullOrWhiteSpace(scalar.Text))
        {
            Error(DiagnosticCodes.NameMissing, entry.Line, "Field 'name' must be a non-empty string such as 'my-skill'.");
            return;
        }

        var name = scalar.Text.Trim();
        if (name.Length > SkillValidator.MaxNameLength)
        {
            Error(DiagnosticCodes.NameInvalid, entry.Line, $"Name '{name}' is {name.Length} characters; the limit is {SkillValidator.MaxNameLength}.");
        }

        if (name.Any(char.IsUpper))
        {
            Error(DiagnosticCodes.NameInvalid, entry.Line, $"Name '{name}' must be lowercase: use '{name.ToLowerInvariant()}'.");
        }

        if (!SkillValidator.NameCharacters().IsMatch(name.ToLowerInvariant()))
        {
            Error(DiagnosticCodes.NameInvalid, entry.Line, $"Name '{name}' may only contain a-z, 0-9 and hyphens.");
        }

        if (name.StartsWith('-') || name.EndsWith('-'))
        {
            Error(DiagnosticCodes.NameInvalid, entry.Line, $"Name '{name}' must not start or end with a hyphen.");
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            Error(DiagnosticCodes.NameInvalid, entry.Line, $"Name '{name}' must not contain consecutive hyphens.");
        }

        if (folderName is not null && folderName != name)
        {
            Add(IsSpec ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.NameMismatch, entry.Line,
                $"Name '{name}' differs from the folder name '{folderName}': rename one so they match.");
        }
    }

    public void CheckDescription()
    {
        var entry = frontmatter.Find("description");
        if (entry is null)
        {
            Add(IsSpec ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.DescriptionMissing, frontmatter.Line,
                "Missing field 'description': say what the skill does and when to use it (agents choose skills by it).");
            return;
        }

        if (entry.Value is not FrontmatterScalar { IsNull: false } scalar || string.IsNullOrWhiteSpace(scalar.Text))
        {
            Error(DiagnosticCodes.DescriptionMissing, entry.Line, "Field 'description' must be a non-empty string.");
            return;
        }

        if (scalar.Text.Length > SkillValidator.MaxDescriptionLength)
        {
            Error(DiagnosticCodes.DescriptionTooLong, entry.Line,
                $"Description is {scalar.Text.Length} characters; the limit is {SkillValidator.MaxDescriptionLength}. Move detail into the body.");
        }
    }

    public void CheckCompatibility()
    {
        var entry = frontmatter.Find("compatibility");
        if (entry is null)
        {
            return;
        }

        if (entry.Value is not FrontmatterScalar scalar || YamlScalarKinds.Of(scalar) != YamlScalarKind.Text)
        {
            Error(DiagnosticCodes.CompatibilityInvalid, entry.Line, "Field 'compatibility' must be a string (quote it if it looks like a number or date).");
        }
        else if (scalar.Text.Length > SkillValidator.MaxCompatibilityLength)
        {
            Error(DiagnosticCodes.CompatibilityInvalid, entry.Line,
                $"Compatibility is {scalar.Text.Length} characters; the limit is {SkillValidator.MaxCompatibilityLength}.");
        }
    }

    // The spec says metadata maps strings to strings; skills-ref converts other values to strings and accepts them,
    // so these are warnings: a skill that skills-ref accepts is not rejected here.
    public void CheckMetadata()
    {
        var entry = frontmatter.Find("metadata");
        if (entry is null)
        {
            return;
        }

        if (entry.Value is not FrontmatterMap map)
        {
            Warning(DiagnosticCodes.MetadataInvalid, entry.Line, "Field 'metadata' should be a map of 'key: \"string value\"' entries.");
            return;
        }

        foreach (var item in map.Entries)
        {
            if (item.Value is not FrontmatterScalar scalar || YamlScalarKinds.Of(scalar) != YamlScalarKind.Text)
            {
                Warning(DiagnosticCodes.MetadataInvalid, item.Line, $"metadata.{item.Key} should be a string: quote the value.");
            }
        }
    }

    public void CheckClaudeCodeTypes()
    {
        if (IsSpec)
        {
            return;
        }

        foreach (var key in (ReadOnlySpan<string>)["disable-model-invocation", "user-invocable"])
        {
            if (frontmatter.Find(key) is { } entry
                && (entry.Value is not FrontmatterScalar scalar || YamlScalarKinds.Of(scalar) != YamlScalarKind.Boolean))
            {
                Error(DiagnosticCodes.FieldTypeInvalid, entry.Line, $"Field '{key}' must be true or false.");
            }
        }
    }

    private void Error(string code, int line, string message) => Add(DiagnosticSeverity.Error, code, line, message);

    private void Warning(string code, int line, string message) => Add(DiagnosticSeverity.Warning, code, line, message);

    private void Add(DiagnosticSeverity severity, string code, int line, string message) =>
        problems.Add(new Diagnostic(severity, code, message, line));
}
