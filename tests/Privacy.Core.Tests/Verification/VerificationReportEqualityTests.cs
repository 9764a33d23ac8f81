using Privacy.Compilation;
using Privacy.Verification;

namespace Privacy.Tests.Verification;

/// <summary>Verification reports compare by value: the same policy verified twice gives equal reports.</summary>
public class VerificationReportEqualityTests
{
    [Fact]
    public void Verify_SamePolicyTwice_EqualReportsWithTheSameHash()
    {
        var policy = CompiledPolicy.Compile(PolicyVerifierTests.ConsentDeniesMore());
        var first = PolicyVerifier.Verify(policy, maxViolations: 5);
        var second = PolicyVerifier.Verify(policy, maxViolations: 5);
        Assert.NotEmpty(first.Violations);
        ValueEquality.AssertEqualWithTheSameHash(first, second);
        Assert.NotEqual(first, second with { Violations = second.Violations.RemoveAt(0) });
    }
}
