using System;
using System.IO;
using System.Linq;
using System.Text;
using Privacy.Fuzz.Engine;
using Privacy.Fuzz.Targets;

namespace Privacy.Fuzz.Tests.Targets;

/// <summary>
/// <c>privacy decide</c> and the library read a request the same way: for every line of the request corpus and of the
/// saved findings (most of them malformed on purpose), and for seeded mutations of them, the command's answer is the
/// answer <c>PrivacyJson.ReadRequest</c> with the policy and <c>Decide</c> give (the same decision line, or the same
/// error code and field), and the converter in <c>PrivacyJson.Options</c> reads the same request or refuses it the same way.
/// </summary>
public sealed class RequestParityTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { FuzzFolders.Corpus("request"), FuzzFolders.Findings("request") })
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Decide_EveryLineOfTheCorpusAndFindings_AnswersAsTheLibrary(string file)
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file));
        var lines = Oracles.NonBlankLines(input);
        if (lines is null)
        {
            // UTF-16 input: the command decodes it as text first; compare line by line after decoding.
            lines = [.. Encoding.Unicode.GetString(input).TrimStart('\uFEFF').Split('\n', '\r').Where(l => !string.IsNullOrWhiteSpace(l))];
        }

        var answers = Oracles.OutputLines(new CliHarness().Invoke(input, "decide", "--input", "-"));

        Assert.Equal(lines.Count, answers.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(LibraryRequests.Answer(lines[i]), LibraryRequests.CommandAnswer(answers[i]));
            Assert.Null(LibraryRequests.ConverterDisagreement(lines[i]));
        }
    }

    [Fact]
    public void Decide_SeededMutationsOfTheCorpus_AnswerAsTheLibrary()
    {
        var corpus = Corpus.Load(FuzzFolders.Corpus("request"));
        using var target = new RequestTarget();
        var mutator = new Mutator(new Random(20260402), target.Keys, target.Words);
        var random = new Random(7);
        var cli = new CliHarness();
        var compared = 0;
        for (var n = 0; n < 1500; n++)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)], corpus[random.Next(corpus.Count)], target.MaxInputLength);
            if (Oracles.NonBlankLines(input) is not { } lines)
            {
                continue;
            }

            var answers = Oracles.OutputLines(cli.Invoke(input, "decide", "--input", "-"));
            Assert.Equal(lines.Count, answers.Count);
            for (var i = 0; i < lines.Count; i++, compared++)
            {
                var library = LibraryRequests.Answer(lines[i]);
                Assert.True(library == LibraryRequests.CommandAnswer(answers[i]), $"{Encoding.UTF8.GetString(input)}\nline {i + 1}: decide {answers[i]}\nlibrary {library}");
                Assert.True(LibraryRequests.ConverterDisagreement(lines[i]) is null, $"line {i + 1} of {Encoding.UTF8.GetString(input)}: {LibraryRequests.ConverterDisagreement(lines[i])}");
            }
        }

        Assert.True(compared > 1000, $"only {compared} lines compared");
    }
}
