using System.Collections.Generic;
using System.IO;
using Privacy.Serialization;

namespace Privacy.Cli.Json;

/// <summary>Writes a rights plan as one JSON object: <c>respondBy</c>, <c>items</c> (one per record), <c>problems</c>, and what the right adds.</summary>
internal static class PlanJson
{
    /// <summary>Writes the plan through the library's JSON contract (<see cref="PrivacyJson.WriteRightsPlan"/>), with the records that could not be read among its problems.</summary>
    public static void Write(Stream output, RightsPlan plan, DataSubject subject, IReadOnlyList<RecordProblem> problems)
        => CliJson.WriteDocument(output, json => PrivacyJson.WriteRightsPlan(json, plan with { Problems = [.. problems] }, subject.Id));

    public static string RightName(RightKind right) => right switch
    {
        RightKind.Access => "access",
        RightKind.Erasure => "erasure",
        RightKind.Rectification => "rectification",
        _ => "marketing-opt-out",
    };

    public static string ActionName(PlanAction action) => action switch
    {
        PlanAction.Held => "held",
        PlanAction.Delete => "delete",
        PlanAction.Retain => "retain",
        PlanAction.Rectify => "rectify",
        _ => "restrict",
    };
}
