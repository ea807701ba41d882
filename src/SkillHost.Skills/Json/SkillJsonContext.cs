using System.Text.Json.Serialization;
using SkillHost.Skills.Validation;

namespace SkillHost.Skills.Json;

/// <summary>Source-generated JSON for the public skill model (camelCase, indented): the contract of <c>skill show --format json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SkillDocument))]
[JsonSerializable(typeof(ValidationResult))]
public sealed partial class SkillJsonContext : JsonSerializerContext;
