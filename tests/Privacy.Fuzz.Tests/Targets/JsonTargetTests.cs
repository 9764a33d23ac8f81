using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Privacy.Fuzz.Targets;
using Privacy.Serialization;

namespace Privacy.Fuzz.Tests.Targets;

/// <summary>
/// The <c>json</c> target covers the whole contract: every type the serializer context registers is read, and the
/// corpus holds a valid example of each, so mutations start from values that read and write back.
/// </summary>
public sealed class JsonTargetTests
{
    [Fact]
    public void Types_EveryTypeOfTheContract_HasTypeInfo()
    {
        foreach (var type in JsonTarget.Types)
        {
            Assert.NotNull(PrivacyJson.TypeInfoResolver.GetTypeInfo(type, PrivacyJson.Options));
        }

        Assert.Equal(JsonTarget.Types.Length, JsonTarget.Types.Distinct().Count());
    }

    [Fact]
    public void Corpus_ValidExamples_ReadAsEveryTypeOfTheContract()
    {
        var read = new bool[JsonTarget.Types.Length];
        foreach (var file in Directory.EnumerateFiles(FuzzFolders.Corpus("json")).Where(f => !Path.GetFileName(f).StartsWith("bad-", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            var any = false;
            for (var i = 0; i < JsonTarget.Types.Length; i++)
            {
                try
                {
                    if (JsonSerializer.Deserialize(bytes, PrivacyJson.Options.GetTypeInfo(JsonTarget.Types[i])) is not null)
                    {
                        read[i] = any = true;
                    }
                }
                catch (JsonException)
                {
                    // Not this type.
                }
            }

            Assert.True(any, $"{Path.GetFileName(file)} reads as no type of the contract");
        }

        Assert.True(read.All(r => r), "no valid example of " + string.Join(", ", JsonTarget.Types.Where((_, i) => !read[i]).Select(t => t.Name)));
    }

    [Theory]
    [InlineData("{\"id\":\"\\ud800\",\"hasEmail\":true}")]
    [InlineData("\"9999-12-31T23:59:59-18:00\"")]
    [InlineData("{\"id\":\" \",\"hasEmail\":true}")]
    [InlineData("{\"effect\":\"deny\",\"clauses\":[\"rights.erasure\"],\"obligations\":[],\"\\u0065ffect\":\"permit\"}")]
    public void Execute_MalformedValue_IsRefusedByEveryType(string json)
    {
        using var target = new JsonTarget();

        var outcome = target.Execute(Encoding.UTF8.GetBytes(json));

        Assert.DoesNotContain("ok", outcome.Split(','));
    }
}
