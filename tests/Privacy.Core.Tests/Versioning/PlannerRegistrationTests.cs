using Microsoft.Extensions.DependencyInjection;
using Privacy.Breach;
using Privacy.Versioning;

namespace Privacy.Tests.Versioning;

public class PlannerRegistrationTests
{
    [Fact]
    public void AddPrivacy_RegistersTheDifferAndPlanners()
    {
        using var provider = new ServiceCollection().AddPrivacy().Services.BuildServiceProvider();
        Assert.Same(PolicyDiffer.Instance, provider.GetRequiredService<IPolicyDiffer>());
        Assert.IsType<ChangeNoticePlanner>(provider.GetRequiredService<IChangeNoticePlanner>());
        Assert.IsType<BreachPlanner>(provider.GetRequiredService<IBreachPlanner>());
    }

    [Fact]
    public void AddPrivacy_KeepsAHostsOwnPlanner()
    {
        var mine = new BreachPlanner(new BreachPlannerOptions { LargeScale = 100 });
        var services = new ServiceCollection().AddSingleton<IBreachPlanner>(mine);
        services.AddPrivacy();
        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<IBreachPlanner>());
    }
}
