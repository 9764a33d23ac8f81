using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CameraCompanion.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace CameraCompanion.Tests.Infrastructure;

/// <summary>The sample service on a real database, with a fake clock and a crash switch.</summary>
public sealed class CompanionFactory : WebApplicationFactory<Program>
{
    public CompanionFactory(TestDatabase database, Duration autoAdvance = default)
    {
        Database = database;
        Clock = new FakeClock(Start, autoAdvance);
    }

    public static Instant Start { get; } = Instant.FromUtc(2026, 3, 1, 9, 0);

    public TestDatabase Database { get; }

    public FakeClock Clock { get; }

    public CrashSwitch Crash { get; } = new();

    public CameraDbContext Db() => Services.CreateScope().ServiceProvider.GetRequiredService<CameraDbContext>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Camera", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            AddCrashSwitch(services);
        });
    }

    /// <summary>Serves the sample on a loopback port through Kestrel, as a browser reaches it, and returns its address.</summary>
    public Uri ServeOnLoopback()
    {
#if NET10_0_OR_GREATER
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Address(Services);
#else
        // Mvc.Testing 8 serves through TestServer only: CreateHost starts a second, Kestrel host of the same app.
        // Both run the sample's start-up at once, EnsureCreated included: create the schema first, so that
        // neither creates a table the other is creating.
        using (var db = Database.Context())
        {
            db.Database.EnsureCreated();
        }

        _kestrel = true;
        _ = Services;
        return _kestrelAddress ?? throw new InvalidOperationException("The Kestrel host did not start.");
#endif
    }

#if !NET10_0_OR_GREATER
    private bool _kestrel;
    private IHost? _kestrelHost;
    private Uri? _kestrelAddress;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (!_kestrel)
        {
            return base.CreateHost(builder);
        }

        // Build the TestServer host first, then the same builder again on Kestrel; the Kestrel host must
        // start first for its address to be known (the deferred builder of minimal hosting).
        var testHost = builder.Build();
        builder.ConfigureWebHost(web => web.UseKestrel(options => options.Listen(IPAddress.Loopback, 0)));
        _kestrelHost = builder.Build();
        _kestrelHost.Start();
        _kestrelAddress = Address(_kestrelHost.Services);
        testHost.Start();
        return testHost;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kestrelHost?.Dispose();
        }

        base.Dispose(disposing);
    }
#endif

    private static Uri Address(IServiceProvider services)
        => new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Adds the crash switch to the options the sample registered (its provider and connection), as EF Core 9's
    /// <c>ConfigureDbContext</c> does; written against the registration so that it works on EF Core 8 too.
    /// </summary>
    private void AddCrashSwitch(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(DbContextOptions<CameraDbContext>));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("AddDbContext registered DbContextOptions<CameraDbContext> without a factory.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(DbContextOptions<CameraDbContext>),
            provider => new DbContextOptionsBuilder<CameraDbContext>((DbContextOptions<CameraDbContext>)create(provider)).AddInterceptors(Crash).Options,
            registered.Lifetime));
    }
}

/// <summary>JSON helpers for the API's answers.</summary>
public static class Api
{
    public static async Task<JsonElement> PostAsync(this HttpClient client, string path, object? body, HttpStatusCode expected)
    {
        using var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null.");
}
