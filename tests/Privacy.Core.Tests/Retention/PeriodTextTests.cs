using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Privacy.Retention;

namespace Privacy.Tests.Retention;

/// <summary>Documents, configuration and <see cref="RetentionPeriod.Parse(string)"/> read period text one way.</summary>
public class PeriodTextTests
{
    [Theory]
    [InlineData("PT72H")]
    [InlineData("PT90M")]
    public void Parse_TimeOnlyPeriod_IsAnExactDuration(string text)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.False(period.IsCalendar);
        Assert.Equal(NodaTime.Text.PeriodPattern.NormalizingIso.Parse(text).Value.ToDuration(), period.Exact);
    }

    [Fact]
    public void FromPeriod_TimeOnlyPeriod_IsTheSameAsParsingItsText()
    {
        Assert.Equal(RetentionPeriod.Parse("PT72H"), RetentionPeriod.FromPeriod(Period.FromHours(72)));
        Assert.Equal(RetentionPeriod.Parse("P6M"), RetentionPeriod.FromPeriod(Period.FromMonths(6)));
    }

    [Theory]
    [InlineData("PT72H")]
    [InlineData("P6M")]
    [InlineData("P0DT12H")]
    [InlineData("P1Y2M3DT4H")]
    public void ToString_AnyPeriod_ParsesBackToTheSamePeriod(string text)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.Equal(period, RetentionPeriod.Parse(period.ToString()));
    }

    [Theory]
    [InlineData("-P1M")]
    [InlineData("P1001Y")]
    [InlineData("six months")]
    public void Parse_WhatADocumentRefuses_ThrowsFormatException(string text)
        => Assert.Throws<FormatException>(() => RetentionPeriod.Parse(text));

    [Fact]
    public void Configuration_PT72H_DecidesLikeTheSameDocument()
    {
        // An exact 72 hours across the spring-forward night in Oslo ends an hour later on the clock than a calendar 72 hours.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Privacy:TimeZone"] = "Europe/Oslo",
            ["Privacy:Retention:personal.log"] = "PT72H",
        }).Build();
        var services = new ServiceCollection();
        services.AddPrivacy(configuration.GetSection("Privacy"));
        using var provider = services.BuildServiceProvider();
        var policy = provider.GetRequiredService<IPrivacyPolicyProvider>().Current;

        var rule = Assert.Single(policy.Policy.RetentionRules, r => r.Category.Value == "personal.log");
        Assert.Equal(RetentionPeriod.Parse("PT72H"), rule.Period);
        var collected = Instant.FromUtc(2026, 3, 28, 12, 0);
        var decision = policy.Decide(new RetainRequest(new("personal.log"), collected, collected), SubjectState.Empty(collected));
        Assert.Equal(collected + Duration.FromHours(72), decision.Deadline);
    }
}
