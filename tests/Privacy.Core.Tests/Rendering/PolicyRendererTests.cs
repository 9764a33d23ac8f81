using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.BuiltIn;
using Privacy.Documents;
using Privacy.Rendering;
using Privacy.Tests.Documents;

namespace Privacy.Tests.Rendering;

public class PolicyRendererTests
{
    private static readonly string[] Sections =
        ["Collection and use", "Sensitive data", "Non-personal data", "Disclosure", "Your rights", "Third-party services", "Security", "Changes to this policy", "Contact"];

    [Theory]
    [InlineData(NoticeFormat.Markdown)]
    [InlineData(NoticeFormat.Html)]
    public void Render_BuiltIn_AnchorsEveryClauseExactlyOnce(NoticeFormat format)
    {
        var notice = PolicyRenderer.Render(BuiltInPolicies.IsmartviewPro2018Policy, format);
        foreach (var clause in BuiltInPolicies.IsmartviewPro2018Policy.Clauses)
        {
            var anchor = $"<a id=\"{clause.Id}\"></a>";
            Assert.Equal(1, Count(notice, anchor));
        }
    }

    [Fact]
    public void Render_BuiltIn_HasTheExpectedSectionsInOrder()
    {
        var notice = PolicyRenderer.Render(BuiltInPolicies.IsmartviewPro2018Policy, NoticeFormat.Markdown);
        var positions = Sections.Select(s => notice.IndexOf("## " + s + "\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("## Other terms", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WordsTheModel_RetentionAndErasure()
    {
        var notice = PolicyRenderer.Render(BuiltInPolicies.IsmartviewPro2018Policy, NoticeFormat.Markdown);
        Assert.Contains("We keep what the servers record on each visit for 6 months after collection.", notice, StringComparison.Ordinal);
        Assert.Contains("deleted within 1 month", notice, StringComparison.Ordinal);
        Assert.Contains("we tell the recipient how to opt out of marketing", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BuiltIn_OptOutSentenceNamesPersonalDataOnly()
    {
        var notice = PolicyRenderer.Render(BuiltInPolicies.IsmartviewPro2018Policy, NoticeFormat.Markdown);
        Assert.Contains("We do not collect or use personal data for marketing once you opted out of marketing.", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("We do not collect or use any data for marketing", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PermissionNamingASelectorAnActionLacks_PromisesOnlyWhatItPermits()
    {
        var policy = BuiltInPolicies.IsmartviewPro2018Policy.ToBuilder()
            .Permit("survey.share", r => r.On(PrivacyAction.Use, PrivacyAction.Disclose).Categories("personal.email").Purposes("internal.surveys").Cites("use.internal"))
            .Permit("survey.disclose", r => r.On(PrivacyAction.Disclose).Categories("personal.name").Purposes("internal.surveys").Cites("use.internal"))
            .Build();
        var notice = PolicyRenderer.Render(policy, NoticeFormat.Markdown);
        Assert.Contains("We may use email address for surveys.", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("We may use and disclose email address", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("We may disclose name", notice, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_Html_IsAStandalonePageWithEscapedText()
    {
        var html = PolicyRenderer.Render(PolicyDocument.Load(DocumentFixtures.Minimal), NoticeFormat.Html);
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"rights.erasure\"></a>", html, StringComparison.Ordinal);
        Assert.Contains("privacy@acme.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', html);
    }

    [Property(MaxTest = 60)]
    public Property Render_GeneratedPolicies_IsDeterministicAndCoversEveryClause()
        => Prop.ForAll(GeneratedPolicies.Arbitrary(), generated =>
        {
            foreach (var format in Enum.GetValues<NoticeFormat>())
            {
                var first = PolicyRenderer.Render(generated.Policy, format);
                var again = PolicyRenderer.Render(PolicyDocument.Parse(PolicyDocument.ToJson(generated.Policy)), format);
                Assert.Equal(first, again);
                Assert.All(generated.Policy.Clauses, c => Assert.Equal(1, Count(first, $"<a id=\"{c.Id}\"></a>")));
            }
        });

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData(NoticeFormat.Markdown)]
    [InlineData(NoticeFormat.Html)]
    public void Render_ControlCharactersInText_ShownAsReplacementCharacters(NoticeFormat format)
    {
        var builder = BuiltInPolicies.CreateIsmartviewPro2018Builder().WithName("Acme\u001b[2J\u202Eevil");

        var notice = PolicyRenderer.Render(builder.Build(), format);

        Assert.DoesNotContain('\u001b', notice);
        Assert.DoesNotContain('\u202E', notice);
        Assert.Contains("Acme\uFFFD", notice, System.StringComparison.Ordinal);
        Assert.Contains("\uFFFDevil", notice, System.StringComparison.Ordinal);
    }
}
