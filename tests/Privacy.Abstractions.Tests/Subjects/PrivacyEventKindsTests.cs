using System;
using System.Collections.Generic;

namespace Privacy.Tests.Subjects;

/// <summary>The wire names of event kinds cannot be changed through the list <see cref="PrivacyEventKinds.All"/> hands out.</summary>
public class PrivacyEventKindsTests
{
    [Fact]
    public void All_CastBackToAnArrayOrListAndWritten_LeavesTheNamesAlone()
    {
        var all = PrivacyEventKinds.All;
        Assert.IsNotType<string[]>(all);
        var list = Assert.IsAssignableFrom<IList<string>>(all);
        Assert.Throws<NotSupportedException>(() => list[0] = "consent-forged");

        Assert.Equal("consent-granted", PrivacyEventKind.ConsentGranted.ToName());
        Assert.True(PrivacyEventKinds.TryParse("consent-granted", out var kind));
        Assert.Equal(PrivacyEventKind.ConsentGranted, kind);
        Assert.False(PrivacyEventKinds.TryParse("consent-forged", out _));
    }

    [Fact]
    public void All_NamesEveryKindInEnumOrder()
    {
        var kinds = Enum.GetValues<PrivacyEventKind>();
        Assert.Equal(kinds.Length, PrivacyEventKinds.All.Count);
        foreach (var kind in kinds)
        {
            Assert.Equal(kind.ToName(), PrivacyEventKinds.All[(int)kind]);
        }
    }
}
