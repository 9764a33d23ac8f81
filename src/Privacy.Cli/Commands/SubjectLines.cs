using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Privacy.Cli.Json;
using Privacy.Cli.Requests;
using Privacy.Compilation;

namespace Privacy.Cli.Commands;

/// <summary>Reads subjects given one a line, each like a request's <c>subject</c>; errors name the line and field.</summary>
internal static class SubjectLines
{
    public static List<DataSubject> Read(TextReader lines, CompiledVocabulary vocabulary)
    {
        var subjects = new List<DataSubject>();
        var number = 0;
        for (var line = lines.ReadLine(); line is not null; line = lines.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var field = $"line {number}";
            if (line.Length > InputFiles.MaxLineChars)
            {
                throw new PrivacyRequestException("line-too-long", field, $"Line {number} is {line.Length} characters long; a subject line may have at most {InputFiles.MaxLineChars}.");
            }

            JsonScan.Require(line, field + ".");
            SubjectDocument? document;
            try
            {
                document = JsonSerializer.Deserialize(line, CliJsonContext.Default.SubjectDocument);
            }
            catch (JsonException e)
            {
                throw new PrivacyRequestException("malformed-json", field, $"Line {number} is not a subject object: {e.Message}");
            }

            subjects.Add(document is null
                ? throw new PrivacyRequestException("malformed-json", field, $"Line {number} is null; each line is a subject object.")
                : JsonFields.Subject(document, vocabulary, field));
        }

        return subjects;
    }
}
