using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CameraCompanion.Tests.Infrastructure;

namespace CameraCompanion.Tests.Api;

/// <summary>The /privacy page as a browser sees it: served by Kestrel on loopback, loaded in headless Chromium.</summary>
public sealed partial class PrivacyPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Privacy_InHeadlessChromium_ShowsAnAnchorForEveryClause()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed: the browser check was SKIPPED (bash .ci/run installs Debian's chromium).");
        using var database = TestDatabase.Sqlite();
        using var factory = new CompanionFactory(database);
        var address = factory.ServeOnLoopback();

        var profile = Directory.CreateTempSubdirectory("chromium-");
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.FullName, "--dump-dom", new Uri(address, "/privacy").ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var browser = Process.Start(start)!;
            var dom = browser.StandardOutput.ReadToEndAsync();
            var errors = browser.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
            await browser.WaitForExitAsync(timeout.Token);
            var html = await dom;
            Assert.True(browser.ExitCode == 0, $"chromium exited with {browser.ExitCode}: {await errors}");

            // The DOM after parsing, not the bytes sent: every clause is an element with its id.
            var anchors = AnchorId().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var clauses = Profile.CameraProfileTests.Profile.Policy.Clauses.Select(c => c.Id.Value).ToList();
            Assert.NotEmpty(clauses);
            Assert.All(clauses, clause => Assert.Contains(clause, anchors));
            Assert.Contains("<title>iSmartviewPro camera companion policy</title>", html, StringComparison.Ordinal);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<a id=\"([^\"]+)\">")]
    private static partial Regex AnchorId();
}
