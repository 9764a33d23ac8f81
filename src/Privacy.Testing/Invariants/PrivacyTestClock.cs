using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Privacy.Testing.Invariants;

/// <summary>
/// Fake clocks (NodaTime.Testing) for tests of code that asks an <see cref="IPrivacyGate"/> about
/// "now": start at an instant or at a local time in the policy's zone, and move it by hand.
/// </summary>
public static class PrivacyTestClock
{
    /// <summary>A fake clock at an instant.</summary>
    /// <param name="start">The first instant it reads.</param>
    /// <param name="autoAdvance">How far it moves after each read; none when null.</param>
    /// <returns>The clock.</returns>
    public static FakeClock StartingAt(Instant start, Duration? autoAdvance = null)
        => new(start, autoAdvance ?? Duration.Zero);

    /// <summary>A fake clock at a local date and time in a zone (the earlier instant in an overlap, moved forward out of a gap).</summary>
    /// <param name="zoneId">A tz database zone id, such as the policy's <c>Europe/Oslo</c>.</param>
    /// <param name="local">The local date and time.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException">The zone is unknown.</exception>
    public static FakeClock StartingAtLocal(string zoneId, LocalDateTime local)
        => new(DateTimeZoneProviders.Tzdb[zoneId].AtLeniently(local).ToInstant());

    /// <summary>
    /// Registers a fake clock as the <see cref="IClock"/> the privacy services read, replacing any
    /// clock already registered (call before or after <c>AddPrivacy</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The clock, to move from the test.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FakeClock AddFakePrivacyClock(this IServiceCollection services, FakeClock clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        services.Replace(ServiceDescriptor.Singleton<IClock>(clock));
        return clock;
    }
}
