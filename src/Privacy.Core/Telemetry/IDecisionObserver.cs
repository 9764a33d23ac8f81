namespace Privacy.Telemetry;

/// <summary>
/// Sees every decision made through the services <c>AddPrivacy()</c> registers (<see cref="IPrivacyEvaluator"/>
/// and <see cref="IPrivacyGate"/>), for an audit trail. Register any number with
/// <c>services.AddSingleton&lt;IDecisionObserver, MyAuditTrail&gt;()</c>.
/// </summary>
/// <remarks>
/// <para>Called synchronously on the deciding thread after each decision, so keep it quick (queue the record
/// and write it elsewhere). An observer that throws fails the decision's caller, never turns it into a permit.</para>
/// <para>An observer never sees a contact address: <see cref="IPrivacyGate"/> checks an address against the
/// suppression list before deciding, and only the outcome (a denial citing <c>rights.erasure</c>) reaches the
/// record. Implementations must be thread-safe.</para>
/// </remarks>
public interface IDecisionObserver
{
    /// <summary>Called after a decision.</summary>
    /// <param name="decision">What was asked and what was decided.</param>
    void OnDecision(in DecisionRecord decision);
}
