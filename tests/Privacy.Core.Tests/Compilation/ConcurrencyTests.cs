using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.Compilation;

/// <summary>One compiled policy shared by many threads, without locks, gives every thread the decisions one thread gets.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void CompiledPolicy_SharedAcrossThreads_DecidesAsOneThreadDoes()
    {
        var policy = CompiledPolicy.Compile(BuiltInPolicies.IsmartviewPro2018Policy);
        var v = policy.Vocabulary;
        var at = Instant.FromUtc(2026, 3, 29, 0, 30);
        var subject = policy.Fold(new DataSubject("u", true, [PrivacyEvent.ConsentGranted(new PurposeId("marketing.own"), at - Duration.FromDays(3)), PrivacyEvent.ServiceUsed(at - Duration.FromDays(1))]), at);
        PrivacyDecision[] DecideAll() =>
        [
            .. from c in Enumerable.Range(0, v.Categories.Count)
               from p in Enumerable.Range(0, v.Purposes.Count)
               select policy.DecideUse(c, p, subject),
            .. from c in Enumerable.Range(0, v.Categories.Count)
               from r in Enumerable.Range(0, v.Recipients.Count)
               from s in Enumerable.Range(0, v.Reasons.Count)
               select policy.DecideDisclose(c, r, s, subject),
            .. from m in Enumerable.Range(0, v.Messages.Count)
               from h in Enumerable.Range(0, v.Channels.Count)
               select policy.DecideCommunicate(m, h, subject),
            .. from c in Enumerable.Range(0, v.Categories.Count)
               select policy.DecideRetain(c, at - Duration.FromDays(400), at, subject, [0]),
        ];

        var expected = DecideAll();
        var results = new PrivacyDecision[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
        {
            for (var round = 0; round < 20; round++)
            {
                results[i] = DecideAll();
            }
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
