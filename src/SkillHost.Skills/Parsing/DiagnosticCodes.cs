namespace SkillHost.Skills;

/// <summary>The catalogue of diagnostic codes. Codes are append-only: never reuse or renumber one.</summary>
public static class DiagnosticCodes
{
    // Input: the bytes themselves.
    public const string EmptyFile = "SKL001";
    public const string BinaryContent = "SKL002";
    public const string InvalidUtf8 = "SKL003";
    public const string TooLarge = "SKL004";
    public const string NestedTooDeep = "SKL005";
    public const string MarkdownFailed = "SKL006";
    public const string NotAFile = "SKL007";

    // Frontmatter.
    public const string NoFrontmatter = "SKL010";
    public const string FrontmatterNotClosed = "SKL011";
    public const string InvalidYaml = "SKL012";
    public const string FrontmatterNotMap = "SKL013";
    public const string FrontmatterTooComplex = "SKL014";

    // Recognised structure.
    public const string CostCellNotDuration = "SKL020";

    // References.
    public const string ReferenceOutsideSkill = "SKL030";
    public const string ReferenceMissing = "SKL031";
    public const string ReferenceUnreadable = "SKL032";

    // Validation (frontmatter rules of a profile).
    public const string NameMissing = "SKL100";
    public const string NameInvalid = "SKL101";
    public const string NameMismatch = "SKL102";
    public const string DescriptionMissing = "SKL103";
    public const string DescriptionTooLong = "SKL104";
    public const string CompatibilityInvalid = "SKL105";
    public const string MetadataInvalid = "SKL106";
    public const string UnknownField = "SKL107";
    public const string FieldTypeInvalid = "SKL108";
}
