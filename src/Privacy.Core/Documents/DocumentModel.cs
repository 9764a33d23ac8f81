using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Privacy.Documents;

// The policy document's JSON shape. Property names are camelCase through the serializer context;
// optional values are null (and omitted when written). The loader fills these from a checked
// tree, so a list may hold null where the document had a value of the wrong type.
#pragma warning disable CA1002, CA2227 // plain data-transfer objects for the serializer

internal sealed class DocumentModel
{
    public int? FormatVersion { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? LastUpdated { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? Contact { get; set; }

    public string? TimeZone { get; set; }

    public VocabularyModel? Vocabulary { get; set; }

    public List<ClauseModel?>? Clauses { get; set; }

    public List<RuleModel?>? Rules { get; set; }

    public DefaultsModel? Defaults { get; set; }

    public RetentionModel? Retention { get; set; }

    public List<string?>? Notes { get; set; }
}

internal sealed class VocabularyModel
{
    public List<CategoryModel?>? Categories { get; set; }

    public List<TermModel?>? Purposes { get; set; }

    public List<TermModel?>? Recipients { get; set; }

    public List<TermModel?>? Reasons { get; set; }

    public List<TermModel?>? Messages { get; set; }

    public List<TermModel?>? Channels { get; set; }

    public List<TermModel?>? Obligations { get; set; }
}

internal sealed class CategoryModel
{
    public string? Id { get; set; }

    public string? Class { get; set; }

    public string? Description { get; set; }
}

internal sealed class TermModel
{
    public string? Id { get; set; }

    public string? Description { get; set; }
}

internal sealed class ClauseModel
{
    public string? Id { get; set; }

    public string? Summary { get; set; }

    public string? Text { get; set; }
}

internal sealed class RuleModel
{
    public string? Id { get; set; }

    public string? Effect { get; set; }

    public List<string?>? Actions { get; set; }

    public List<string?>? Categories { get; set; }

    public List<string?>? Classes { get; set; }

    public List<string?>? Purposes { get; set; }

    public List<string?>? Recipients { get; set; }

    public List<string?>? Reasons { get; set; }

    public List<string?>? Messages { get; set; }

    public List<string?>? Channels { get; set; }

    public List<string?>? Conditions { get; set; }

    public List<string?>? ExceptPurposes { get; set; }

    public List<string?>? ExceptReasons { get; set; }

    public string? ExemptionClause { get; set; }

    public string? Clause { get; set; }

    public List<string?>? Obligations { get; set; }
}

internal sealed class DefaultsModel
{
    public string? Collect { get; set; }

    public string? Use { get; set; }

    public string? Disclose { get; set; }

    public string? Communicate { get; set; }

    public string? Retain { get; set; }
}

internal sealed class RetentionModel
{
    public List<RetentionRuleModel?>? Rules { get; set; }

    public List<GroundModel?>? Grounds { get; set; }

    public ErasureModel? Erasure { get; set; }

    public LegalHoldModel? LegalHold { get; set; }
}

internal sealed class RetentionRuleModel
{
    public string? Category { get; set; }

    public string? Period { get; set; }

    public string? Anchor { get; set; }

    public bool? AllowsGrounds { get; set; }

    public string? Clause { get; set; }
}

internal sealed class GroundModel
{
    public string? Id { get; set; }

    public string? MaximumExtension { get; set; }

    public string? Clause { get; set; }

    public string? Description { get; set; }
}

internal sealed class ErasureModel
{
    public string? Period { get; set; }

    public string? Clause { get; set; }

    public List<string?>? Classes { get; set; }
}

internal sealed class LegalHoldModel
{
    public string? Clause { get; set; }
}

#pragma warning restore CA1002, CA2227

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(DocumentModel))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
