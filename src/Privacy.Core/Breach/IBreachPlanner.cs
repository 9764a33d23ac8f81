using Privacy.Compilation;

namespace Privacy.Breach;

/// <summary>Plans the response to a personal-data breach under a policy: contain, tell the authority, tell the people.</summary>
/// <remarks>Implementations are pure (deadlines count from <see cref="BreachIncident.AwareAt"/>, never the wall clock) and thread-safe.</remarks>
public interface IBreachPlanner
{
    /// <summary>Plans the response to an incident.</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="policy">The policy whose categories the incident names and whose rules decide each notice.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PrivacyRequestException">The incident names a category the policy does not know (field <c>categories[i]</c>).</exception>
    BreachPlan Plan(BreachIncident incident, CompiledPolicy policy);
}
