namespace Privacy.Tests.Rights;

/// <summary>The assertion every value-equality property makes.</summary>
internal static class ValueEqualityAssert
{
    /// <summary>Two values are equal every way a caller can ask, and hash alike.</summary>
    public static void EqualWithTheSameHash<T>(T a, T b)
        where T : System.IEquatable<T>
    {
        Assert.True(a.Equals(b), $"{a} should equal {b}");
        Assert.True(Equals(a, b), "object.Equals");
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
