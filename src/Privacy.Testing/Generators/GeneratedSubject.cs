using System;
using System.Collections.Immutable;
using System.Linq;

namespace Privacy.Testing.Generators;

/// <summary>A generated data subject: an id, whether an email address is known, and a history of events.</summary>
/// <param name="Id">The subject's id.</param>
/// <param name="HasEmail">Whether the controller holds an email address for the subject.</param>
/// <param name="Events">The history, in no particular order; events may tie and may lie after any decision's instant.</param>
/// <remarks>Equal by value: the events compare one by one, in order.</remarks>
public sealed record GeneratedSubject(string Id, bool HasEmail, ImmutableArray<PrivacyEvent> Events)
{
    /// <summary>Creates the <see cref="DataSubject"/> the engine reads.</summary>
    /// <returns>The subject.</returns>
    public DataSubject ToSubject() => new(Id, HasEmail, Events);

    /// <summary>Creates the same subject with its history in another order.</summary>
    /// <param name="order">The history in the new order; must hold the same events.</param>
    /// <returns>The subject.</returns>
    public GeneratedSubject WithEvents(ImmutableArray<PrivacyEvent> order) => this with { Events = order };

    /// <summary>Describes the subject and its history, for counterexamples.</summary>
    /// <returns>For example <c>u-1 email [marketing-opt-out@2026-01-02T00:00:00Z]</c>.</returns>
    public override string ToString()
        => $"{Id}{(HasEmail ? " email" : string.Empty)} [{string.Join("; ", Events.Select(Describe))}]";

    /// <inheritdoc/>
    public bool Equals(GeneratedSubject? other)
        => other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && HasEmail == other.HasEmail
            && Events.AsSpan().SequenceEqual(other.Events.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(HasEmail);
        foreach (var e in Events.AsSpan())
        {
            hash.Add(e);
        }

        return hash.ToHashCode();
    }

    internal static string Describe(PrivacyEvent e)
    {
        var about = string.Join(" ", new[] { e.Purpose?.Value, e.Recipient?.Value, e.Version }.Where(x => x is not null));
        return $"{e.Kind.ToName()}@{e.At}{(about.Length == 0 ? string.Empty : " " + about)}";
    }
}
