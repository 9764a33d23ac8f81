using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Privacy.Policies;

/// <summary>A policy could not be built or loaded; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public PolicyValidationException(IEnumerable<PolicyProblem> problems)
        : this(problems?.ToImmutableArray() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    private PolicyValidationException(ImmutableArray<PolicyProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    /// <value>At least one problem, in document order.</value>
    public ImmutableArray<PolicyProblem> Problems { get; }

    private static string Describe(ImmutableArray<PolicyProblem> problems)
        => problems.Length == 1
            ? $"The policy is invalid: {problems[0]}"
            : $"The policy is invalid ({problems.Length} problems):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
