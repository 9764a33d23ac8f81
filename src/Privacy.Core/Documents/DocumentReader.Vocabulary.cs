using System;
using System.Collections.Generic;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Documents;

/// <content>Reading the vocabulary and the clauses.</content>
internal sealed partial class DocumentReader
{
    private void ReadVocabulary(VocabularyModel? v, PolicyBuilder builder)
    {
        if (v is null)
        {
            return;
        }

        var categories = v.Categories ?? [];
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            var at = PolicyPaths.At(PolicyPaths.Categories, i);
            if (c is null)
            {
                continue;
            }

            var idOk = TryId(c.Id, PolicyPaths.Field(at, "id"), "category");
            var classOk = TryName(c.Class, PolicyPaths.Field(at, "class"), "class", PolicyNames.Classes, out DataClass dataClass);
            if (idOk)
            {
                // A category whose class is wrong is still declared, so that references to it do not cascade into more problems.
                if (!classOk)
                {
                    _unknownClass.Add(c.Id!);
                }

                builder.Categories.Add(new DataCategory(new DataCategoryId(c.Id!), dataClass, c.Description ?? string.Empty));
                Map(PolicyPaths.Categories, i);
            }
        }

        Terms(v.Purposes, "purposes", "purpose", id => new PurposeId(id), builder.Purposes);
        Terms(v.Recipients, "recipients", "recipient", id => new RecipientId(id), builder.Recipients);
        Terms(v.Reasons, "reasons", "reason", id => new DisclosureReasonId(id), builder.Reasons);
        Terms(v.Messages, "messages", "message", id => new MessageKindId(id), builder.Messages);
        Terms(v.Channels, "channels", "channel", id => new ChannelId(id), builder.Channels);
        Terms(v.Obligations, "obligations", "obligation", id => new ObligationId(id), builder.Obligations);
    }

    private void Terms<TId>(List<TermModel?>? terms, string list, string kind, Func<string, TId> make, List<VocabularyTerm<TId>> into)
        where TId : struct, IEquatable<TId>
    {
        for (var i = 0; i < (terms?.Count ?? 0); i++)
        {
            var t = terms![i];
            if (t is not null && TryId(t.Id, PolicyPaths.At(PolicyPaths.Vocabulary(list), i, "id"), kind))
            {
                into.Add(new VocabularyTerm<TId>(make(t.Id!), t.Description ?? string.Empty));
                Map(PolicyPaths.Vocabulary(list), i);
            }
        }
    }

    private void ReadClauses(List<ClauseModel?>? clauses, PolicyBuilder builder)
    {
        for (var i = 0; i < (clauses?.Count ?? 0); i++)
        {
            var c = clauses![i];
            var at = PolicyPaths.At(PolicyPaths.Clauses, i);
            if (c is null)
            {
                continue;
            }

            var idOk = TryId(c.Id, PolicyPaths.Field(at, "id"), "clause");
            var summary = NonEmpty(c.Summary, PolicyPaths.Field(at, "summary"));
            if (idOk && summary is not null)
            {
                builder.Clauses.Add(new PolicyClause(new ClauseId(c.Id!), summary, c.Text));
                Map(PolicyPaths.Clauses, i);
            }
        }
    }
}
