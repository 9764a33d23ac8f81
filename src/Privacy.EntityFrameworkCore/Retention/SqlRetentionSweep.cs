using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Privacy.Retention;
using static Privacy.EntityFrameworkCore.RetentionCutoffs;

namespace Privacy.EntityFrameworkCore;

/// <summary>
/// Deletes the records whose retention has run out with set-based SQL: one <c>DELETE ... WHERE</c>
/// per group of categories that share a retention rule, comparing the category and the instants
/// with the sweep's cut-offs. No row is loaded into memory.
/// </summary>
/// <remarks>
/// A record is deleted exactly when <see cref="Privacy.Compilation.RetentionSweep.SweepRetention"/> would say
/// <see cref="Effect.Delete"/> for it: past its category's period from its anchor, or its subject
/// asked for erasure (and no claimed ground keeps it), unless a legal hold stands. Records whose
/// category or ground the policy does not declare are never deleted (fail closed); validate the
/// model with <see cref="PrivacyModelExtensions.ValidatePrivacyCategories"/>. Run the sweep inside a
/// transaction of your own to make it all or nothing together with your own bookkeeping.
/// </remarks>
public static class SqlRetentionSweep
{
    /// <summary>Deletes every record of <typeparamref name="TRecord"/> that is due at <see cref="RetentionCutoffs.At"/>.</summary>
    /// <typeparam name="TRecord">The entity type.</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="cutoffs">The sweep's cut-offs.</param>
    /// <param name="columns">Where the entity keeps what retention needs.</param>
    /// <param name="cancellationToken">Stops the sweep between statements.</param>
    /// <returns>How many rows were deleted.</returns>
    /// <exception cref="InvalidOperationException">The model does not map the entity, the entity has neither a category column nor a category, or the policy does not declare its category.</exception>
    public static async Task<int> DeleteDueRecordsAsync<TRecord>(this DbContext context, RetentionCutoffs cutoffs, RetentionColumns<TRecord> columns, CancellationToken cancellationToken = default)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var deleted = 0;
        foreach (var predicate in DuePredicates(context, cutoffs, columns))
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted += await context.Set<TRecord>().Where(predicate).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>The WHERE clauses of the sweep's statements, one per group of categories.</summary>
    internal static List<Expression<Func<TRecord, bool>>> DuePredicates<TRecord>(DbContext context, RetentionCutoffs cutoffs, RetentionColumns<TRecord> columns)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(columns);
        var entityType = context.Model.FindEntityType(typeof(TRecord))
            ?? throw new InvalidOperationException($"The model does not map '{typeof(TRecord).Name}'.");
        string? fixedCategory = null;
        if (columns.Category is null)
        {
            fixedCategory = entityType.GetPrivacyCategory()?.Value
                ?? throw new InvalidOperationException($"'{typeof(TRecord).Name}' has no category: configure HasPrivacyCategory on the entity or give a Category column.");
            if (!cutoffs.Policy.Vocabulary.Categories.TryGetIndex(fixedCategory, out _))
            {
                throw new InvalidOperationException($"The policy '{cutoffs.Policy.PolicyId}' does not declare the category '{fixedCategory}' of '{typeof(TRecord).Name}'.");
            }
        }

        var x = Expression.Parameter(typeof(TRecord), "record");
        var shape = Shape.Of(x, columns, cutoffs.At);
        var predicates = new List<Expression<Func<TRecord, bool>>>();
        foreach (var group in cutoffs.Groups)
        {
            Expression? rows;
            if (fixedCategory is not null)
            {
                if (!group.Categories.Contains(fixedCategory, StringComparer.Ordinal))
                {
                    continue;
                }

                rows = null;
            }
            else
            {
                rows = In(shape.Category!, group.Categories);
            }

            var due = Due(shape, cutoffs, group);
            if (due != False)
            {
                predicates.Add(Expression.Lambda<Func<TRecord, bool>>(rows is null ? due : And(rows, due), x));
            }
        }

        return predicates;
    }

    /// <summary>When a record of the group is due.</summary>
    private static Expression Due(Shape s, RetentionCutoffs cutoffs, CategoryGroup group)
    {
        var grounds = cutoffs.Grounds;
        var knownGround = s.Ground is null ? True : Or(IsNull(s.Ground), In(s.Ground, grounds.Select(g => g.Id)));
        var notHeld = s.Hold is null || group.Rule is { AllowsGrounds: false } ? True : Expression.Not(s.Hold);
        if (group.Rule is not { } rule)
        {
            // No retention rule: due at once.
            return And(knownGround, notHeld);
        }

        var erased = group.Erasure && s.Erased is not null
            ? And(Expression.NotEqual(s.Erased, Null), Expression.LessThanOrEqual(s.Erased, Const(s.At)))
            : False;

        // Without a ground that extends the deadline: erasure deletes at once, otherwise the period from the anchor.
        var plainGround = s.Ground is null
            ? True
            : rule.AllowsGrounds
                ? Or(IsNull(s.Ground), In(s.Ground, grounds.Where(g => !g.Extends).Select(g => g.Id)))
                : knownGround;
        var due = And(plainGround, Or(erased, And(Within(s.Collected, cutoffs.Due(group, Stage.None, -1)), Anchored(s, rule, cutoffs.Due(group, Stage.Rule, -1)))));

        if (rule.AllowsGrounds && s.Ground is not null)
        {
            for (var g = 0; g < grounds.Length; g++)
            {
                if (!grounds[g].Extends)
                {
                    continue;
                }

                // The deadline (the earlier of the period and the erasure period, never before collection) plus the ground's extension.
                var extended = And(
                    Within(s.Collected, cutoffs.Due(group, Stage.None, g)),
                    Or(Anchored(s, rule, cutoffs.Due(group, Stage.Rule, g)), s.Erased is null ? False : And(erased, Within(s.Erased, cutoffs.Due(group, Stage.Erasure, g)))));
                due = Or(due, And(Expression.Equal(s.Ground, Expression.Constant(grounds[g].Id, typeof(string))), extended));
            }
        }

        return And(notHeld, due);
    }

    /// <summary>The record's anchor lies in the due ranges.</summary>
    private static Expression Anchored(Shape s, RetentionRule rule, IReadOnlyList<Interval> due)
    {
        switch (rule.Anchor)
        {
            case RetentionAnchor.Collection:
                return Within(s.Collected, due);
            case RetentionAnchor.LastActivity when s.LastActivity is not null:
                // The later of the last activity and the collection.
                var later = Expression.AndAlso(Expression.NotEqual(s.LastActivity, Null), Expression.GreaterThan(s.LastActivity, Expression.Convert(s.Collected, typeof(Instant?))));
                return Or(And(later, Within(s.LastActivity, due)), And(Expression.Not(later), Within(s.Collected, due)));
            case RetentionAnchor.LastActivity:
                return Within(s.Collected, due);
            case RetentionAnchor.AccountClosure:
                return s.Closed is null ? False : And(Expression.NotEqual(s.Closed, Null), Within(s.Closed, due));
            default:
                return s.Erased is null ? False : And(Expression.NotEqual(s.Erased, Null), And(Expression.LessThanOrEqual(s.Erased, Const(s.At)), Within(s.Erased, due)));
        }
    }

    private static readonly Expression True = Expression.Constant(true);
    private static readonly Expression False = Expression.Constant(false);
    private static readonly Expression Null = Expression.Constant(null, typeof(Instant?));

    private static Expression Const(Instant instant) => Expression.Constant(instant, typeof(Instant?));

    /// <summary>The instant lies in one of the half-open ranges.</summary>
    private static Expression Within(Expression instant, IReadOnlyList<Interval> ranges)
    {
        var value = instant.Type == typeof(Instant) ? Expression.Convert(instant, typeof(Instant?)) : instant;
        var any = False;
        foreach (var range in ranges)
        {
            var inside = range.HasStart ? Expression.GreaterThanOrEqual(value, Const(range.Start)) : True;
            if (range.HasEnd)
            {
                inside = And(inside, Expression.LessThan(value, Const(range.End)));
            }

            any = Or(any, inside == True ? Expression.NotEqual(value, Null) : inside);
        }

        return any;
    }

    private static Expression In(Expression column, IEnumerable<string> values)
    {
        var list = values.ToArray();
        return list.Length == 0
            ? False
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(list), column);
    }

    private static Expression IsNull(Expression column) => Expression.Equal(column, Expression.Constant(null, typeof(string)));

    private static Expression And(Expression a, Expression b)
        => a == False || b == False ? False : a == True ? b : b == True ? a : Expression.AndAlso(a, b);

    private static Expression Or(Expression a, Expression b)
        => a == True || b == True ? True : a == False ? b : b == False ? a : Expression.OrElse(a, b);

    /// <summary>The entity's columns as expressions on one parameter; null for a column the host did not give.</summary>
    private sealed class Shape
    {
        public Shape(Instant at, Expression collected, Expression? category, Expression? ground, Expression? erased, Expression? hold, Expression? lastActivity, Expression? closed)
        {
            At = at;
            Collected = collected;
            Category = category;
            Ground = ground;
            Erased = erased;
            Hold = hold;
            LastActivity = lastActivity;
            Closed = closed;
        }

        public Instant At { get; }

        public Expression Collected { get; }

        public Expression? Category { get; }

        public Expression? Ground { get; }

        public Expression? Erased { get; }

        public Expression? Hold { get; }

        public Expression? LastActivity { get; }

        public Expression? Closed { get; }

        public static Shape Of<TRecord>(ParameterExpression x, RetentionColumns<TRecord> c, Instant at)
            where TRecord : class
            => new(at, Bind(c.CollectedAt, x)!, Bind(c.Category, x), Bind(c.Ground, x), Bind(c.ErasureRequestedAt, x), Bind(c.UnderLegalHold, x), Bind(c.LastActivityAt, x), Bind(c.AccountClosedAt, x));

        private static Expression? Bind(LambdaExpression? selector, ParameterExpression x)
            => selector is null ? null : new Rebinder(selector.Parameters[0], x).Visit(selector.Body);
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
