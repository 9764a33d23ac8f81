using System.Runtime.CompilerServices;

namespace Privacy.Compilation;

/// <summary>
/// The compiled form of one action's rules. Both request dimensions (category × purpose, category ×
/// recipient-and-reason, or message × channel) map to equivalence classes of the rules they
/// match; a cell of the class table gives an outcome group, and the 32 combinations of condition
/// bits within the group give the decision.
/// </summary>
internal sealed class ActionTable
{
    public const int ConditionBits = 5;

    public ActionTable(int[] xClass, int[] yClass, int yClassCount, int[] cells, PrivacyDecision[] outcomes, bool usesConsent)
    {
        XClass = xClass;
        YClass = yClass;
        YClassCount = yClassCount;
        Cells = cells;
        Outcomes = outcomes;
        UsesConsent = usesConsent;
    }

    public int[] XClass { get; }

    public int[] YClass { get; }

    public int YClassCount { get; }

    public int[] Cells { get; }

    public PrivacyDecision[] Outcomes { get; }

    /// <summary>Whether any rule of the action needs the consent bit; when not, deciding skips the consent lookup.</summary>
    public bool UsesConsent { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly PrivacyDecision Lookup(int x, int y, int bits)
        => ref Outcomes[(Cells[(XClass[x] * YClassCount) + YClass[y]] << ConditionBits) | bits];
}
