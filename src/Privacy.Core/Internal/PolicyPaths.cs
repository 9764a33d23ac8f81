using System;
using System.Globalization;

namespace Privacy.Internal;

/// <summary>
/// Where each part of a policy is, as a JSON Pointer: the one owner of the paths that problems,
/// findings and diff changes carry.
/// </summary>
/// <remarks>
/// <para>A policy's paths are the paths of its document. <c>PolicyDocument.Write</c> writes every part
/// under these names and every list in the policy's own order, so a problem found in a policy built in
/// code (<c>/rules/3/purposes/0</c>: the first purpose of the fourth rule added) points where it is in
/// the policy's export, and a problem found while reading a document points into that document.</para>
/// <para>Items of a list are addressed by index (<see cref="At"/>) in problems and findings, and by id
/// (<see cref="ById"/>) in diff changes, which match the items of two versions by id. Within an item,
/// a field is named as the document names it (<c>clause</c>, <c>period</c>).</para>
/// </remarks>
internal static class PolicyPaths
{
    /// <summary>The whole policy.</summary>
    public const string Root = "";

    public const string FormatVersion = "/formatVersion";
    public const string Id = "/id";
    public const string Version = "/version";
    public const string Name = "/name";
    public const string LastUpdated = "/lastUpdated";
    public const string EffectiveFrom = "/effectiveFrom";
    public const string Contact = "/contact";
    public const string TimeZone = "/timeZone";
    public const string Notes = "/notes";

    public const string Categories = "/vocabulary/categories";
    public const string Purposes = "/vocabulary/purposes";
    public const string Recipients = "/vocabulary/recipients";
    public const string Reasons = "/vocabulary/reasons";
    public const string Messages = "/vocabulary/messages";
    public const string Channels = "/vocabulary/channels";
    public const string Obligations = "/vocabulary/obligations";

    public const string Clauses = "/clauses";
    public const string Rules = "/rules";
    public const string Defaults = "/defaults";

    /// <summary>The retention rules, one per category; in a diff, addressed by their category.</summary>
    public const string RetentionRules = "/retention/rules";
    public const string Grounds = "/retention/grounds";
    public const string Erasure = "/retention/erasure";
    public const string LegalHold = "/retention/legalHold";

    /// <summary>A list of the vocabulary by its name in the document: <c>purposes</c> gives <see cref="Purposes"/>.</summary>
    public static string Vocabulary(string list) => "/vocabulary/" + list;

    /// <summary>The item at an index of a list, or a field of it: <c>/rules/3</c>, <c>/rules/3/purposes</c>.</summary>
    public static string At(string list, int index, string? field = null)
        => Append(list + "/" + index.ToString(CultureInfo.InvariantCulture), field);

    /// <summary>The item with an id in a list, or a field of it, for diffs: <c>/rules/use.contact/clause</c>.</summary>
    public static string ById(string list, string id, string? field = null)
        => Append(list + "/" + JsonPointer.Escape(id), field);

    /// <summary>A field of a part or item: <c>/retention/erasure/clause</c>.</summary>
    public static string Field(string part, string field) => part + "/" + JsonPointer.Escape(field);

    /// <summary>The default clause of an action: <c>/defaults/use</c>.</summary>
    public static string Default(PrivacyAction action) => Field(Defaults, action.ToString().ToLowerInvariant());

    /// <summary>The index a path names directly below a list: 3 for <c>/vocabulary/categories/3/class</c> below <see cref="Categories"/>.</summary>
    public static bool TryIndex(string path, string list, out int index)
    {
        index = -1;
        if (!path.StartsWith(list + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(list.Length + 1);
        var end = rest.IndexOf('/');
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static string Append(string item, string? field) => field is null ? item : Field(item, field);
}
