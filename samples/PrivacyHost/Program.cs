using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy;
using Privacy.Serialization;
using PrivacyHost;

var builder = WebApplication.CreateBuilder(args);

// The engine, configured from the "Privacy" section (Privacy:Policy is builtin:ID or a policy file,
// relative to the content root; the file is watched and reloaded when it changes).
builder.Services.AddPrivacy(builder.Configuration.GetSection("Privacy"));

// Request and response bodies in the library's JSON contract: ids as strings, instants with Z,
// effects as lowercase names, subjects and decisions in the shape of the `privacy` command.
builder.Services.ConfigureHttpJsonOptions(o => PrivacyJson.Configure(o.SerializerOptions));
builder.Services.AddHealthChecks().AddCheck<PrivacyPolicyHealthCheck>("privacy-policy");
builder.Services.AddSingleton<MetricsSnapshot>();

var app = builder.Build();
app.Services.GetRequiredService<MetricsSnapshot>();

// Any request in the shape of a `privacy decide` line, read by the command's own reader: a body it
// would refuse (a field given twice, an instant out of range, an unknown field) is a 400, never a decision.
app.MapPost("/decide", (PrivacyRequest request, IPrivacyEvaluator evaluator) => evaluator.Decide(request));

app.MapPost("/decide/use", (UseBody body, IPrivacyEvaluator evaluator)
    => evaluator.Decide(new UseRequest(body.Category, body.Purpose, body.At), body.Subject));

app.MapPost("/decide/retain", (RetainBody body, IPrivacyEvaluator evaluator)
    => evaluator.Decide(new RetainRequest(body.Category, body.CollectedAt, body.At), body.Subject));

app.MapPost("/rights/{right}", (string right, RightsBody body, IRightsPlanner planner) =>
{
    RightKind? kind = right switch
    {
        "access" => RightKind.Access,
        "erasure" => RightKind.Erasure,
        "rectification" => RightKind.Rectification,
        "marketing-opt-out" => RightKind.MarketingOptOut,
        _ => null,
    };
    if (kind is null)
    {
        return Results.NotFound();
    }

    var records = body.Records.Select(r => new StoredRecord(r.Id, r.Category, r.CollectedAt, r.Purposes, r.DisclosedTo, r.Grounds));
    return Results.Ok(planner.Plan(kind.Value, body.Subject, records, body.ReceivedAt));
});

app.MapHealthChecks("/health");
app.MapGet("/metrics", (MetricsSnapshot metrics) => metrics.Totals());

app.Run();

/// <summary>The sample host's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program
{
}

namespace PrivacyHost
{
    /// <summary>A use request: may <c>category</c> be used for <c>purpose</c> at <c>at</c>, for this subject?</summary>
    internal sealed record UseBody(DataCategoryId Category, PurposeId Purpose, Instant At, DataSubject? Subject);

    /// <summary>A retain request: may data of <c>category</c> collected at <c>collectedAt</c> still be kept at <c>at</c>?</summary>
    internal sealed record RetainBody(DataCategoryId Category, Instant CollectedAt, Instant At, DataSubject? Subject);

    /// <summary>A rights request: the subject, when it was received, and the records held.</summary>
    internal sealed record RightsBody(DataSubject Subject, Instant ReceivedAt, IReadOnlyList<RecordBody> Records);

    /// <summary>One stored record, as in <c>privacy rights --records</c>.</summary>
    internal sealed record RecordBody(
        string Id,
        DataCategoryId Category,
        Instant CollectedAt,
        IReadOnlyList<PurposeId>? Purposes = null,
        IReadOnlyList<RecipientId>? DisclosedTo = null,
        IReadOnlyList<RetentionGroundId>? Grounds = null);
}
