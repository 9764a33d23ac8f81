using System;
using System.Collections.Generic;
using System.Linq;
using Privacy.BuiltIn;
using Privacy.Compilation;

namespace Privacy.Tests.Compilation;

/// <summary>The ids a compiled vocabulary hands out are a read-only view: a caller cannot change the tables through them.</summary>
public class IdTableTests
{
    [Fact]
    public void ToList_CastBackToAnArrayOrListAndWritten_LeavesTheTableAlone()
    {
        var policy = CompiledPolicy.Compile(BuiltInPolicies.IsmartviewPro2018Policy);
        var categories = policy.Vocabulary.Categories;
        var ids = categories.ToList();
        var before = ids.ToArray();

        Assert.IsNotType<string[]>(ids);
        var list = Assert.IsAssignableFrom<IList<string>>(ids);
        Assert.Throws<NotSupportedException>(() => list[0] = "personal.rewritten");
        Assert.Throws<NotSupportedException>(() => list.Clear());

        Assert.Equal(before, categories.ToList());
        Assert.Equal(before[0], categories[0]);
        Assert.Equal(0, categories.GetIndex(before[0]));
        Assert.False(categories.TryGetIndex("personal.rewritten", out _));
    }

    [Fact]
    public void ToList_EveryKindOfId_IsReadOnly()
    {
        var v = BuiltInPolicies.IsmartviewPro2018Compiled.Vocabulary;
        foreach (var table in new[] { v.Categories, v.Purposes, v.Recipients, v.Reasons, v.Messages, v.Channels, v.Grounds })
        {
            Assert.True(Assert.IsAssignableFrom<ICollection<string>>(table.ToList()).IsReadOnly, table.Kind);
        }
    }
}
