using System;
using System.Linq;
using System.Reflection;
using NodaTime;

namespace Privacy.Tests.Decisions;

public class PrivacyDecisionTests
{
    [Fact]
    public void Default_IsADenial()
    {
        Assert.Equal(Effect.Deny, default(PrivacyDecision).Effect);
        Assert.False(default(PrivacyDecision).IsAllowed);
    }

    [Fact]
    public void Constructor_WithoutClauses_IsRefused()
        => Assert.Throws<ArgumentException>(() => new PrivacyDecision(Effect.Permit, []));

    [Fact]
    public void Equality_ComparesEveryPartByValue()
    {
        var a = new PrivacyDecision(Effect.Retain, [new ClauseId("x")], [], Instant.FromUnixTimeSeconds(5), [new RetentionGroundId("backup")]);
        var b = new PrivacyDecision(Effect.Retain, [new ClauseId("x")], [], Instant.FromUnixTimeSeconds(5), [new RetentionGroundId("backup")]);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.NotEqual(a, b.WithDeadline(Instant.FromUnixTimeSeconds(6)));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("Retain [x] until 1970-01-01T00:00:05Z grounds [backup]", a.ToString());
    }

    /// <summary>Every public type of the model is immutable: no public setter and no public mutable field.</summary>
    [Fact]
    public void PublicModelTypes_AreImmutable()
    {
        var types = typeof(PrivacyDecision).Assembly.GetExportedTypes().Where(t => !t.IsInterface && !t.IsEnum && !typeof(Exception).IsAssignableFrom(t));
        foreach (var type in types)
        {
            var setters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"));
            Assert.Empty(setters.Select(p => $"{type.Name}.{p.Name}"));
            Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => $"{type.Name}.{f.Name}"));
        }
    }
}

public class RequestTests
{
    [Fact]
    public void RetainRequest_IsEqualByValueIncludingGrounds()
    {
        var at = Instant.FromUnixTimeSeconds(100);
        var a = new RetainRequest(new("personal.email"), at, at, [new RetentionGroundId("backup")]);
        var b = new RetainRequest(new("personal.email"), at, at, [new RetentionGroundId("backup")]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Grounds = [] });
        Assert.Equal(new RetainRequest(new("personal.email"), at, at), new RetainRequest(new("personal.email"), at, at, []));
    }
}

public class RequestValidationTests
{
    [Fact]
    public void Requests_MissingIds_AreRefusedNamingTheField()
    {
        var at = Instant.FromUnixTimeSeconds(1);
        Assert.Equal("category", Assert.Throws<PrivacyRequestException>(() => new UseRequest(default, new("service"), at)).Field);
        Assert.Equal("purpose", Assert.Throws<PrivacyRequestException>(() => new CollectRequest(new("personal"), default, at)).Field);
        Assert.Equal("reason", Assert.Throws<PrivacyRequestException>(() => new DiscloseRequest(new("personal"), new("authority"), default, at)).Field);
        var error = Assert.Throws<PrivacyRequestException>(() => new CommunicateRequest(new("marketing"), default, at));
        Assert.Equal(("missing-field", "channel"), (error.Code, error.Field));
        var valid = new UseRequest(new("personal"), new("service"), at);
        Assert.Throws<PrivacyRequestException>(() => valid with { Purpose = default });
        Assert.Equal(valid, new UseRequest(new("personal"), new("service"), at));
    }
}
