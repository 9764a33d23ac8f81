using System;

namespace Privacy.Packaging.Tests;

[Collection(PublishingCollection.Name)]
public class AotCheckTests
{
    [Fact]
    public void CheckAot_TinyConsumer_PublishesNativeAotWithoutWarningsAndRuns()
    {
        var (exitCode, output) = Repository.RunScript("check-aot.sh", TimeSpan.FromMinutes(15));
        Assert.True(exitCode == 0, output);
        Assert.Contains("ClockedPrivacyGate Deny rights.marketing-opt-out ismartviewpro-2018", output, StringComparison.Ordinal);
        Assert.Contains("check-aot: aot publish of eng/aot-check", output, StringComparison.Ordinal);
    }
}
