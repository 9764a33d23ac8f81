using NodaTime;
using Privacy.BuiltIn;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.Tests.Documentation;

/// <summary>
/// Every <c>&lt;example&gt;&lt;code&gt;</c> of the public XML documentation, copied here verbatim so that
/// the compiler checks it: an example that stops compiling breaks this project's build, and
/// <see cref="XmlDocExampleTests"/> fails when a snippet in the sources is not found here word for word.
/// Each method returns what its example makes, for a test to run it.
/// </summary>
internal static class XmlDocExamples
{
    /// <summary>src/Privacy.Core/Policies/PolicyBuilder.cs</summary>
    public static PrivacyPolicy PolicyBuilderExample()
    {
        var policy = new PolicyBuilder("acme", "1")
            .AddCategory("personal", DataClass.Personal, "Personal data")
            .AddCategory("personal.email", DataClass.Personal, "Email address")
            .AddPurpose("service", "Providing the service")
            .AddClause("use.service", "We use personal data to run the service.")
            .AddClause("necessary", "We only process what we need.")
            .AddClause("erasure", "We delete your data within a month of your request.")
            .Permit("use-email-for-service", r => r.On(PrivacyAction.Use).Categories("personal.email").Purposes("service").Cites("use.service"))
            .DenyByDefault("necessary")
            .Erasure(RetentionPeriod.Parse("P1M"), "erasure")
            .Build();
        return policy;
    }

    /// <summary>src/Privacy.Abstractions/Evaluation/IPrivacyEvaluator.cs</summary>
    public static (PrivacyDecision Anyone, PrivacyDecision Jane) PrivacyEvaluatorExample()
    {
        IPrivacyEvaluator evaluator = BuiltInPolicies.IsmartviewPro2018Compiled;
        var at = Instant.FromUtc(2026, 3, 1, 9, 0);
        var request = new UseRequest(new("personal.email"), new("marketing.own"), at);
        PrivacyDecision anyone = evaluator.Decide(request, null);       // a subject with no history
        PrivacyDecision jane = evaluator.Decide(request, new DataSubject("u-17", hasEmail: true,
            [PrivacyEvent.MarketingOptOut(at - Duration.FromDays(30))]));  // the history, folded at the request's instant
        return (anyone, jane);
    }
}
