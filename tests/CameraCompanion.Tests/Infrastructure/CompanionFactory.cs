using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CameraCompanion.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
            services.ConfigureDbContext<CameraDbContext>(options => options.AddInterceptors(Crash));
        });
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
