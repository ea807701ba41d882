using System.Text.RegularExpressions;

namespace SkillHost.Skills.Validation;

/// <summary>What a YAML loader turns a scalar into under the YAML 1.2 core schema plus timestamps (js-yaml's default).</summary>
/// <remarks>
/// The frontmatter model keeps scalars as text; the spec's "must be a string" rules need to know that a plain
/// <c>compatibility: 1.0</c> is a number and <c>compatibility: "1.0"</c> a string, as skills-ref sees them.
/// </remarks>
public enum YamlScalarKind
{
    Text,
    Null,
    Boolean,
    WholeNumber,
    DecimalNumber,
    Timestamp,
}

/// <summary>Resolves the <see cref="YamlScalarKind"/> of frontmatter scalars.</summary>
public static partial class YamlScalarKinds
{
    public static YamlScalarKind Of(FrontmatterScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar.Quoted)
        {
            return YamlScalarKind.Text;
        }

        var text = scalar.Text;
        return text switch
        {
            _ when scalar.IsNull => YamlScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => YamlScalarKind.Boolean,
            _ when IntegerPattern().IsMatch(text) => YamlScalarKind.WholeNumber,
            _ when FloatPattern().IsMatch(text) => YamlScalarKind.DecimalNumber,
            _ when TimestampPattern().IsMatch(text) => YamlScalarKind.Timestamp,
            _ => YamlScalarKind.Text,
        };
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?)?$")]
    private static partial Regex TimestampPattern();
}
