using System;
using System.Collections.Immutable;
using System.Linq;
using Privacy.Internal;

namespace Privacy.Versioning;

/// <content>Compares the vocabulary, the clauses and the defaults.</content>
public sealed partial class PolicyDiffer
{
    /// <content>Compares the vocabulary, the clauses and the defaults.</content>
    private sealed partial class Run
    {
        private void CompareCategories()
        {
            var old = Older.Categories.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            var @new = Newer.Categories.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            foreach (var c in Older.Categories.Where(c => !@new.ContainsKey(c.Id.Value)))
            {
                Add("category-removed", PolicyPaths.ById(PolicyPaths.Categories, c.Id.Value), $"{c.Id} ({ClassName(c.Class)})", null, false, "the policy names less data; rules that covered it are compared on their own");
            }

            foreach (var c in Newer.Categories)
            {
                var path = PolicyPaths.ById(PolicyPaths.Categories, c.Id.Value);
                if (!old.TryGetValue(c.Id.Value, out var before))
                {
                    Add("category-added", path, null, $"{c.Id} ({ClassName(c.Class)})", true, "a new category of data the policy covers");
                    continue;
                }

                if (before.Class != c.Class)
                {
                    var weaker = Protection(c.Class) < Protection(before.Class);
                    Add("category-class-changed", PolicyPaths.Field(path, "class"), ClassName(before.Class), ClassName(c.Class), weaker, weaker
                        ? "the category moves to a less protected class, so rules on that class reach it"
                        : "the category moves to a more protected class");
                }

                Scalar("category-description-changed", PolicyPaths.Field(path, "description"), before.Description, c.Description, Wording);
            }
        }

        private void Terms<T>(string section, string noun, ImmutableArray<T> olderTerms, ImmutableArray<T> newerTerms, Func<T, string> id, Func<T, string> description, string? added)
        {
            var old = olderTerms.ToDictionary(id, StringComparer.Ordinal);
            var @new = newerTerms.ToDictionary(id, StringComparer.Ordinal);
            foreach (var t in olderTerms.Where(t => !@new.ContainsKey(id(t))))
            {
                Add($"{noun}-removed", PolicyPaths.ById(PolicyPaths.Vocabulary(section), id(t)), id(t), null, false, $"the {noun} is no longer named; rules that used it are compared on their own");
            }

            foreach (var t in newerTerms)
            {
                if (!old.TryGetValue(id(t), out var before))
                {
                    Add($"{noun}-added", PolicyPaths.ById(PolicyPaths.Vocabulary(section), id(t)), null, id(t), added is not null,
                        added ?? $"a new {noun} permits nothing by itself; rules that use it are compared on their own");
                    continue;
                }

                Scalar($"{noun}-description-changed", PolicyPaths.ById(PolicyPaths.Vocabulary(section), id(t), "description"), description(before), description(t), Wording);
            }
        }

        private void CompareClauses()
        {
            var old = Older.Clauses.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            var @new = Newer.Clauses.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
            foreach (var c in Older.Clauses.Where(c => !@new.ContainsKey(c.Id.Value)))
            {
                var right = IsRightsClause(c.Id);
                Add("clause-removed", PolicyPaths.ById(PolicyPaths.Clauses, c.Id.Value), c.Summary, null, right, right
                    ? "a right the policy stated is no longer stated"
                    : "the clause's words are gone; rules that cited it are compared on their own");
            }

            foreach (var c in Newer.Clauses)
            {
                var path = PolicyPaths.ById(PolicyPaths.Clauses, c.Id.Value);
                if (!old.TryGetValue(c.Id.Value, out var before))
                {
                    Add("clause-added", path, null, c.Summary, false, "new wording; rules that cite it are compared on their own");
                    continue;
                }

                Scalar("clause-summary-changed", PolicyPaths.Field(path, "summary"), before.Summary, c.Summary, Wording);
                Scalar("clause-text-changed", PolicyPaths.Field(path, "text"), before.Text, c.Text, Wording);
            }
        }

        private void CompareDefaults()
        {
            foreach (var action in Enum.GetValues<PrivacyAction>())
            {
                Older.DefaultDenials.TryGetValue(action, out var before);
                Newer.DefaultDenials.TryGetValue(action, out var after);
                Scalar("default-clause-changed", PolicyPaths.Default(action),
                    before.IsDefault ? null : before.Value, after.IsDefault ? null : after.Value, "only the clause a denial cites changes; the denial stays");
            }
        }
    }
}
