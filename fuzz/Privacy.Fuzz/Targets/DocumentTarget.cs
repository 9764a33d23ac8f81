using System.Collections.Generic;
using System.IO;
using System.Linq;
using Privacy.Analysis;
using Privacy.Compilation;
using Privacy.Documents;
using Privacy.Policies;
using Privacy.Rendering;

namespace Privacy.Fuzz.Targets;

/// <summary>
/// A policy document (<c>src/Privacy.Core/Documents</c>): loaded, compiled, analysed as <c>check</c> does,
/// rendered, and written back. Promises: the only error is <see cref="PolicyValidationException"/>; a loaded
/// document compiles, analyses and renders; writing it and loading the result gives the same document.
/// </summary>
public sealed class DocumentTarget : FuzzTarget
{
    private readonly PolicyAnalyzer _analyzer = new();

    public override string Name => "document";

    public override string Description => "policy documents: load, compile, check, render, write";

    public override int MaxInputLength => 32 * 1024;

    public override IReadOnlyList<string> Keys { get; } =
    [
        "$schema", "formatVersion", "id", "name", "version", "lastUpdated", "effectiveFrom", "timeZone", "contact", "vocabulary", "clauses", "rules",
        "defaults", "retention", "notes", "categories", "purposes", "recipients", "reasons", "messages", "channels", "obligations", "grounds", "class",
        "description", "summary", "effect", "actions", "classes", "clause", "conditions", "exceptPurposes", "exceptReasons", "exemptionClause", "category",
        "period", "anchor", "allowsGrounds", "maximumExtension", "erasure", "legalHold", "collect", "use", "disclose", "communicate", "retain",
    ];

    public override IReadOnlyList<string> Words { get; } =
    [
        .. Vocabulary.Words, "permit", "prohibit", "personal", "sensitive", "non-personal", "device-local", "collection", "last-activity",
        "account-closure", "erasure-request", "P36M", "P30D", "PT24H", "P1M", "P0D", "P-1M", "P100000Y", "P2147483647D", "PT9223372036854775807S",
    ];

    public override string Execute(byte[] input)
    {
        PrivacyPolicy policy;
        try
        {
            policy = PolicyDocument.Load(new MemoryStream(input, writable: false));
        }
        catch (PolicyValidationException e)
        {
            // check reads a refused document again, leniently; one refused input in four goes that way too.
            if (Vocabulary.Choose(input, 4) == 0)
            {
                CheckDocument(input);
            }

            return "invalid:" + string.Join(',', e.Problems.Select(p => p.Code).Distinct().Order(System.StringComparer.Ordinal));
        }

        var compiled = CompiledPolicy.Compile(policy);
        var findings = _analyzer.Analyze(policy);
        CheckDocument(input);
        _ = PolicyRenderer.Render(policy, NoticeFormat.Markdown);
        _ = PolicyRenderer.Render(policy, NoticeFormat.Html);

        var written = PolicyDocument.ToJson(policy);
        PrivacyPolicy again;
        try
        {
            again = PolicyDocument.Parse(written);
        }
        catch (PolicyValidationException e)
        {
            throw new FuzzOracleException($"written document does not load: {e.Problems.FirstOrDefault()}", e);
        }

        if (PolicyDocument.ToJson(again) != written)
        {
            throw new FuzzOracleException("written document changes when loaded and written again");
        }

        return $"valid:{compiled.Vocabulary.Categories.Count > 0}:" + string.Join(',', findings.Select(f => f.Code).Distinct().Order(System.StringComparer.Ordinal));
    }

    /// <summary>What <c>privacy check</c> runs on the raw document.</summary>
    private void CheckDocument(byte[] input)
    {
        try
        {
            _ = _analyzer.AnalyzeDocument(new MemoryStream(input, writable: false));
        }
        catch (PolicyValidationException)
        {
            // The documented refusal.
        }
    }
}
