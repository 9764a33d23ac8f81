using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Privacy.Rights;

namespace Privacy.Tests.Rights;

/// <summary>Normalisation before hashing: every spelling of a suppressed address is suppressed.</summary>
public class ContactHasherTests
{
    private const string Key = "a-contact-hasher-test-key-of-32-bytes";
    private static readonly ContactHasher Hasher = ContactHasher.FromText(Key);
    private static readonly Instant Since = Instant.FromUtc(2026, 3, 1, 10, 0);

    /// <summary>A plain ASCII address: local part and a domain of one to three labels.</summary>
    public sealed record Address(string Local, string[] Labels)
    {
        public string Text => Local + "@" + string.Join(".", Labels);

        public override string ToString() => Text;
    }

    /// <summary>One way to write the same address differently.</summary>
    public sealed record Disguise(string Name, Func<string, string> Apply)
    {
        public override string ToString() => Name;
    }

    public static class Arbitraries
    {
        private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";

        private static Gen<string> Word(string alphabet, int max) =>
            from length in Gen.Choose(1, max)
            from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
            select new string(chars);

        public static Arbitrary<Address> Addresses() =>
            (from local in Word(Letters + "._+-", 12).Where(w => char.IsAsciiLetterOrDigit(w[0]))
             from count in Gen.Choose(1, 3)
             from labels in Gen.ArrayOf(Word(Letters, 10), count)
             from tld in Word("abcdefghijklmnopqrstuvwxyz", 4).Where(w => w.Length >= 2)
             select new Address(local, [.. labels, tld])).ToArbitrary();

        private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F"];

        public static Arbitrary<Disguise[]> Disguises() =>
            Gen.ArrayOf(Gen.OneOf(
                Gen.Constant(new Disguise("upper", s => s.ToUpperInvariant())),
                from seed in Gen.Choose(0, 1000) select new Disguise($"mixed-case {seed}", s => MixCase(s, seed)),
                Gen.Constant(new Disguise("full-width", FullWidth)),
                from seed in Gen.Choose(0, 1000) from mark in Gen.Elements(Invisible)
                select new Disguise($"invisible U+{(int)mark[0]:X4} {seed}", s => Insert(s, mark, seed)),
                Gen.Constant(new Disguise("surrounding space", s => "  " + s + "\t")),
                Gen.Constant(new Disguise("trailing dot on the domain", s => s + ".")),
                Gen.Constant(new Disguise("ideographic full stops in the domain", s => s[..(s.LastIndexOf('@') + 1)] + s[(s.LastIndexOf('@') + 1)..].Replace('.', '\u3002'))))).ToArbitrary();

        private static string MixCase(string s, int seed)
        {
            var random = new Random(seed);
            return string.Concat(s.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c));
        }

        private static string FullWidth(string s) => string.Concat(s.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c));

        private static string Insert(string s, string mark, int seed) => s.Insert(new Random(seed).Next(s.Length + 1), mark);
    }

    /// <summary>Applies the disguises in order; space surrounds the whole address, so it goes last.</summary>
    private static string Disguised(Address address, Disguise[] disguises)
        => disguises.OrderBy(d => d.Name == "surrounding space").Aggregate(address.Text, (text, d) => d.Apply(text));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void Hash_DisguisedAddress_HashesAsThePlainOne(Address address, Disguise[] disguises)
    {
        var disguised = Disguised(address, disguises);
        Assert.Equal(Hasher.Hash(address.Text), Hasher.Hash(disguised));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Find_DisguisedAddress_FindsTheSuppressionOfThePlainOne(Address address, Disguise[] disguises)
    {
        var list = new SuppressionList(Hasher);
        list.Add(Hasher.CreateEntry(address.Text, Since));
        var disguised = Disguised(address, disguises);
        Assert.Equal(Since, list.Find(disguised)?.Since);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void Normalize_IsIdempotent(Address address, Disguise[] disguises)
    {
        var once = ContactHasher.Normalize(Disguised(address, disguises));
        Assert.Equal(once, ContactHasher.Normalize(once));
    }

    [Theory]
    [InlineData("jane@bücher.example", "jane@xn--bcher-kva.example")]
    [InlineData("JANE@BÜCHER.EXAMPLE", "jane@xn--bcher-kva.example")]
    [InlineData("ｊａｎｅ＠ｂüｃｈｅｒ．ｅｘａｍｐｌｅ", "jane@xn--bcher-kva.example")]
    [InlineData("ja\u200Bne@exam\u00ADple.com", "jane@example.com")]
    [InlineData("jane@EXAMPLE.com.", "jane@example.com")]
    [InlineData("ﬁona@example.com", "fiona@example.com")]
    [InlineData("+47 912\u00A034\u200D567", "+47 912 34567")]
    public void Normalize_KnownSpellings_GiveTheCanonicalForm(string written, string canonical)
        => Assert.Equal(canonical, ContactHasher.Normalize(written));

    [Fact]
    public void Hash_LoneSurrogate_IsHashedNotThrown()
        => Assert.StartsWith(ContactHasher.Prefix, Hasher.Hash("jane\uD800@example.com"), StringComparison.Ordinal);

    [Fact]
    public void Hash_OnlyInvisibleCharacters_IsRefused()
        => Assert.Throws<ArgumentException>(() => Hasher.Hash("\u200B\u200D"));

    [Fact]
    public void Hash_DifferentAddresses_Differ()
        => Assert.NotEqual(Hasher.Hash("jane@example.com"), Hasher.Hash("jane@example.org"));

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Constructor_KeyShorterThan32Bytes_IsRefused(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactHasher(new byte[length]));
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyId_DerivedFromTheKey_IsStableAndRevealsNothingOfIt()
    {
        var id = ContactHasher.FromText(Key).KeyId;
        Assert.Equal(id, ContactHasher.FromText(Key).KeyId);
        Assert.NotEqual(id, ContactHasher.FromText(Key + "!").KeyId);
        Assert.Matches("^k-[0-9a-f]{12}$", id);
        Assert.DoesNotContain("contact", id, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateEntry_CarriesTheKeyId()
    {
        var entry = ContactHasher.FromText(Key, "2026-01").CreateEntry("jane@example.com", Since);
        Assert.Equal("2026-01", entry.KeyId);
        Assert.Equal(Since, entry.Since);
        Assert.DoesNotContain("jane", entry.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Find_AfterKeyRotation_HonoursEntriesMadeUnderAPreviousConfiguredKey()
    {
        var old = ContactHasher.FromText("the-old-suppression-key-of-32-bytes", "old");
        var current = ContactHasher.FromText("the-new-suppression-key-of-32-bytes", "new");
        var rotated = new SuppressionList(current, [old]);
        rotated.Add(old.CreateEntry("Jane@Example.com", Since));
        rotated.Add(current.CreateEntry("ola@example.no", Since + Duration.FromDays(1)));

        Assert.Equal("old", rotated.Find("jane@example.com")?.KeyId);
        Assert.Equal("new", rotated.Find("OLA@example.no")?.KeyId);
        Assert.Null(rotated.Find("kari@example.no"));

        // Once the old key is no longer configured, its entries cannot be recognised.
        var retired = new SuppressionList(current);
        retired.Add(old.CreateEntry("jane@example.com", Since));
        Assert.Null(retired.Find("jane@example.com"));
    }

    [Fact]
    public void Find_EntryUnderAnotherKeyId_IsNotMatchedByAHashOfTheWrongKey()
    {
        var current = ContactHasher.FromText("the-new-suppression-key-of-32-bytes", "new");
        var list = new SuppressionList(current);
        list.Add(new SuppressionEntry(current.Hash("jane@example.com"), Since, "another"));
        Assert.Null(list.Find("jane@example.com"));
        list.Add(new SuppressionEntry(current.Hash("ola@example.no"), Since));
        Assert.NotNull(list.Find("ola@example.no"));
    }

    [Fact]
    public void AddPrivacy_RotatedKeys_GateStillSuppressesAddressesSuppressedUnderTheOldKey()
    {
        var now = Since + Duration.FromDays(60);
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(now));
        services.AddPrivacy(o =>
        {
            o.SuppressionKey = "the-new-suppression-key-of-32-bytes";
            o.SuppressionKeyId = "new";
            o.PreviousSuppressionKeys["old"] = "the-old-suppression-key-of-32-bytes";
        });
        using var provider = services.BuildServiceProvider();
        var old = ContactHasher.FromText("the-old-suppression-key-of-32-bytes", "old");
        provider.GetRequiredService<ISuppressionList>().Add(old.CreateEntry("jane@bücher.example", Since));

        var decision = provider.GetRequiredService<IPrivacyGate>().MaySend(new DataSubject(), new("administrative"), new("email"), "JANE@xn--bcher-kva.example");

        Assert.Equal(Effect.Deny, decision.Effect);
        Assert.Contains(new ClauseId("rights.erasure"), decision.Clauses);
    }

    [Fact]
    public void AddPrivacy_PreviousKeyTooShort_FailsTheStartNamingIt()
    {
        var services = new ServiceCollection();
        services.AddPrivacy(o =>
        {
            o.SuppressionKey = "the-new-suppression-key-of-32-bytes";
            o.PreviousSuppressionKeys["old"] = "sixteen-byte-key";
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>().Value);
        Assert.Contains("PreviousSuppressionKeys:old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacy_KeyOf31Bytes_FailsTheStart()
    {
        var services = new ServiceCollection();
        services.AddPrivacy(o => o.SuppressionKey = new string('k', 31));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>().Value);
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }
}
