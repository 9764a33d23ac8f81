namespace Privacy.DependencyInjection;

/// <summary>An <see cref="IPrivacyEvaluator"/> that always asks the policy in force, so a swapped policy takes effect at once.</summary>
internal sealed class ProviderEvaluator(IPrivacyPolicyProvider provider) : IPrivacyEvaluator
{
    public string PolicyId => provider.Current.PolicyId;

    public PrivacyDecision Decide(in CollectRequest request, SubjectState subject) => provider.Current.Decide(request, subject);

    public PrivacyDecision Decide(in UseRequest request, SubjectState subject) => provider.Current.Decide(request, subject);

    public PrivacyDecision Decide(in DiscloseRequest request, SubjectState subject) => provider.Current.Decide(request, subject);

    public PrivacyDecision Decide(in CommunicateRequest request, SubjectState subject) => provider.Current.Decide(request, subject);

    public PrivacyDecision Decide(in RetainRequest request, SubjectState subject) => provider.Current.Decide(request, subject);
}
