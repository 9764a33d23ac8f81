using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using NodaTime;
using Duration = NodaTime.Duration;
using Privacy.Policies;

namespace Privacy.Tests.Documents;

/// <summary>Shared helpers: the schema, test documents, and a sweep of requests over a policy's own vocabulary.</summary>
internal static class DocumentFixtures
{
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "privacy-policy.schema.json"))));

    public static string Here(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string Minimal => Here("Documents", "minimal.policy.json");

    /// <summary>Schema errors of a document, empty when it validates.</summary>
    public static List<string> SchemaErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = LazySchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        List<string> errors = [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
        return errors.Count > 0 ? errors : ["the document does not validate against the schema"];
    }

    /// <summary>
    /// Every request the policy's vocabulary allows for collect, use and communicate, a sample of
    /// disclosures, and retention questions, each for several subjects, as (description, decision).
    /// </summary>
    public static IEnumerable<(string Request, PrivacyDecision Decision)> Sweep(IPrivacyEvaluator evaluator, PrivacyPolicy vocabulary, int seed)
    {
        var random = new Random(seed);
        var at = Instant.FromUtc(2026, 3, 29, 1, 30);
        var purpose = vocabulary.Purposes.Length > 0 ? vocabulary.Purposes[random.Next(vocabulary.Purposes.Length)].Id : default(PurposeId?);
        var recipient = vocabulary.Recipients.Length > 0 ? vocabulary.Recipients[random.Next(vocabulary.Recipients.Length)].Id : default(RecipientId?);
        var subjects = new List<DataSubject>
        {
            new("nobody", false, []),
            new("erased", true, [PrivacyEvent.ErasureRequested(at - Duration.FromDays(3))]),
            new("opted-out", true, [PrivacyEvent.MarketingOptOut(at - Duration.FromDays(1)), PrivacyEvent.ServiceUsed(at - Duration.FromDays(400))]),
        };
        if (purpose is { } p && recipient is { } r)
        {
            subjects.Add(new("consented", true, [PrivacyEvent.ConsentGranted(p, at - Duration.FromDays(2)), PrivacyEvent.ConsentGranted(r, at - Duration.FromDays(2))]));
        }

        RequestContext[] contexts = [default, new RequestContext(LocationFeatureInUse: true, ConfidentialityAgreement: true)];
        foreach (var subject in subjects)
        {
            foreach (var context in contexts)
            {
                foreach (var c in vocabulary.Categories)
                {
                    foreach (var u in vocabulary.Purposes)
                    {
                        yield return ($"collect {c.Id} {u.Id} {subject.Id} {context}", evaluator.Decide(new CollectRequest(c.Id, u.Id, at, context), subject));
                        yield return ($"use {c.Id} {u.Id} {subject.Id} {context}", evaluator.Decide(new UseRequest(c.Id, u.Id, at, context), subject));
                    }

                    for (var k = 0; k < 6 && vocabulary.Recipients.Length > 0 && vocabulary.Reasons.Length > 0; k++)
                    {
                        var to = vocabulary.Recipients[random.Next(vocabulary.Recipients.Length)].Id;
                        var why = vocabulary.Reasons[random.Next(vocabulary.Reasons.Length)].Id;
                        yield return ($"disclose {c.Id} {to} {why} {subject.Id} {context}", evaluator.Decide(new DiscloseRequest(c.Id, to, why, at, context), subject));
                    }

                    var collected = at - Duration.FromHours(random.Next(0, 24 * 800));
                    var grounds = vocabulary.Grounds.Where(_ => random.Next(2) == 0).Select(g => g.Id).ToArray();
                    yield return ($"retain {c.Id} {collected} {subject.Id}", evaluator.Decide(new RetainRequest(c.Id, collected, at, [.. grounds]), subject));
                }

                foreach (var m in vocabulary.Messages)
                {
                    foreach (var h in vocabulary.Channels)
                    {
                        yield return ($"communicate {m.Id} {h.Id} {subject.Id}", evaluator.Decide(new CommunicateRequest(m.Id, h.Id, at), subject));
                    }
                }
            }
        }
    }
}
