using System;
using System.IO;
using CameraCompanion.Data;
using CameraCompanion.Endpoints;
using CameraCompanion.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Privacy;
using Privacy.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// The policy: the camera profile next to the binary, unless configuration names another (Privacy:Policy).
builder.Services.AddPrivacy(builder.Configuration.GetSection("Privacy"), options =>
{
    if (string.IsNullOrEmpty(builder.Configuration["Privacy:Policy"]))
    {
        options.Policy = Path.Combine(AppContext.BaseDirectory, "ismartviewpro-camera.policy.json");
    }
});

// The database: SQLite by default (a file in the working directory), PostgreSQL when Database:Provider says so.
builder.Services.AddDbContext<CameraDbContext>((services, options) =>
{
    var configuration = services.GetRequiredService<IConfiguration>();
    var connection = configuration.GetConnectionString("Camera") ?? "Data Source=camera-companion.db";
    var provider = configuration["Database:Provider"] ?? "Sqlite";
    if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
    {
        options.UseNpgsql(connection);
    }
    else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
    {
        options.UseSqlite(connection);
    }
    else
    {
        throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or PostgreSql.");
    }
});
builder.Services.AddScoped<Ledger>();
builder.Services.AddScoped<RetentionJob>();

var app = builder.Build();

// A bad request names its field; anything else is a 500 and nothing half-done is committed.
app.UseExceptionHandler(error => error.Run(async context =>
{
    if (context.Features.Get<IExceptionHandlerFeature>()?.Error is PrivacyRequestException e)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { error = e.Message, field = e.Field, code = e.Code });
        return;
    }

    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
    await context.Response.WriteAsJsonAsync(new { error = "The request failed; nothing was changed." });
}));

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CameraDbContext>();
    db.Model.ValidatePrivacyCategories(scope.ServiceProvider.GetRequiredService<IPrivacyPolicyProvider>().Current);
    db.Database.EnsureCreated();
}

app.MapGet("/", () => Results.Redirect("/privacy"));
app.MapCompanion();
app.Run();

/// <summary>The companion's entry point (public for integration tests).</summary>
public partial class Program;
