using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Privacy.Internal;
using Privacy.Policies;

namespace Privacy.Documents;

/// <summary>
/// The structure a policy document must have (which properties, of which JSON types), checked on
/// the parsed tree before anything is read, so that every structural problem is reported at once.
/// The check yields a copy of the tree without the faulty values, for the typed reader.
/// </summary>
internal abstract class DocumentShape
{
    private static readonly DocumentShape Text = new Scalar(JsonValueKind.String, "a string");
    private static readonly DocumentShape Flag = new Scalar(JsonValueKind.True, "true or false");
    private static readonly DocumentShape Texts = new ArrayOf(Text);
    private static readonly DocumentShape Term = Obj(("id", Text, true), ("description", Text, false));

    /// <summary>The shape of a whole document.</summary>
    public static DocumentShape Document { get; } = Obj(
        ("$schema", Text, false),
        ("formatVersion", new Scalar(JsonValueKind.Number, "an integer"), true),
        ("id", Text, true),
        ("name", Text, false),
        ("version", Text, true),
        ("lastUpdated", Text, false),
        ("effectiveFrom", Text, false),
        ("contact", Text, false),
        ("timeZone", Text, false),
        ("vocabulary", Obj(
            ("categories", new ArrayOf(Obj(("id", Text, true), ("class", Text, true), ("description", Text, false))), false),
            ("purposes", new ArrayOf(Term), false),
            ("recipients", new ArrayOf(Term), false),
            ("reasons", new ArrayOf(Term), false),
            ("messages", new ArrayOf(Term), false),
            ("channels", new ArrayOf(Term), false),
            ("obligations", new ArrayOf(Term), false)), true),
        ("clauses", new ArrayOf(Obj(("id", Text, true), ("summary", Text, true), ("text", Text, false))), true),
        ("rules", new ArrayOf(Obj(
            ("id", Text, true),
            ("effect", Text, true),
            ("actions", Texts, true),
            ("categories", Texts, false),
            ("classes", Texts, false),
            ("purposes", Texts, false),
            ("recipients", Texts, false),
            ("reasons", Texts, false),
            ("messages", Texts, false),
            ("channels", Texts, false),
            ("conditions", Texts, false),
            ("exceptPurposes", Texts, false),
            ("exceptReasons", Texts, false),
            ("exemptionClause", Text, false),
            ("clause", Text, false),
            ("obligations", Texts, false))), false),
        ("defaults", Obj(("collect", Text, false), ("use", Text, false), ("disclose", Text, false), ("communicate", Text, false), ("retain", Text, false)), true),
        ("retention", Obj(
            ("rules", new ArrayOf(Obj(("category", Text, true), ("period", Text, true), ("anchor", Text, false), ("allowsGrounds", Flag, false), ("clause", Text, true))), false),
            ("grounds", new ArrayOf(Obj(("id", Text, true), ("maximumExtension", Text, true), ("clause", Text, true), ("description", Text, false))), false),
            ("erasure", Obj(("period", Text, false), ("clause", Text, true), ("classes", Texts, false)), true),
            ("legalHold", Obj(("clause", Text, true)), false)), true),
        ("notes", Texts, false));

    /// <summary>Checks <paramref name="element"/> at <paramref name="pointer"/>; returns its valid part, or null when nothing of it is usable.</summary>
    public abstract JsonNode? Check(JsonElement element, string pointer, List<PolicyProblem> problems);


    private static DocumentShape Obj(params (string Name, DocumentShape Shape, bool Required)[] properties) => new ObjectOf(properties);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static void WrongType(JsonElement element, string pointer, string expected, List<PolicyProblem> problems)
        => problems.Add(new PolicyProblem(pointer, "wrong-type", $"Expected {expected} here, found {Describe(element.ValueKind)}."));

    private sealed class Scalar(JsonValueKind kind, string description) : DocumentShape
    {
        public override JsonNode? Check(JsonElement element, string pointer, List<PolicyProblem> problems)
        {
            var ok = kind switch
            {
                JsonValueKind.True => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
                JsonValueKind.Number => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _),
                _ => element.ValueKind == kind,
            };
            if (!ok)
            {
                WrongType(element, pointer, description, problems);
                return null;
            }

            return JsonValue.Create(element);
        }
    }

    private sealed class ArrayOf(DocumentShape item) : DocumentShape
    {
        public override JsonNode? Check(JsonElement element, string pointer, List<PolicyProblem> problems)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                WrongType(element, pointer, "an array", problems);
                return null;
            }

            var array = new JsonArray();
            var i = 0;
            foreach (var child in element.EnumerateArray())
            {
                // A faulty item becomes null, so the indices of the others stay those of the document.
                array.Add(item.Check(child, $"{pointer}/{i++}", problems));
            }

            return array;
        }
    }

    private sealed class ObjectOf((string Name, DocumentShape Shape, bool Required)[] properties) : DocumentShape
    {
        public override JsonNode? Check(JsonElement element, string pointer, List<PolicyProblem> problems)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                WrongType(element, pointer, "an object", problems);
                return null;
            }

            var result = new JsonObject();
            foreach (var property in element.EnumerateObject())
            {
                var at = $"{pointer}/{JsonPointer.Escape(property.Name)}";
                var known = Array.FindIndex(properties, p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
                if (known < 0)
                {
                    problems.Add(new PolicyProblem(at, "unknown-property", UnknownProperty(property.Name)));
                    continue;
                }

                if (result.ContainsKey(property.Name))
                {
                    problems.Add(new PolicyProblem(at, "duplicate-property", $"The property '{property.Name}' appears more than once in this object; keep one."));
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.Null && !properties[known].Required)
                {
                    continue;
                }

                var value = properties[known].Shape.Check(property.Value, at, problems);
                result[property.Name] = value;
                if (value is null)
                {
                    result.Remove(property.Name);
                }
            }

            foreach (var (name, _, required) in properties)
            {
                if (required && !HasProperty(element, name))
                {
                    problems.Add(new PolicyProblem($"{pointer}/{name}", "missing-property", $"The required property '{name}' is missing."));
                }
            }

            return result;
        }

        private static bool HasProperty(JsonElement element, string name)
            => element.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

        private string UnknownProperty(string name)
        {
            if (string.Equals(name, "parent", StringComparison.Ordinal) || string.Equals(name, "children", StringComparison.Ordinal))
            {
                return $"Unknown property '{name}': the hierarchy follows the dotted ids ('personal.email' lies below 'personal'), so remove '{name}' and name the category or purpose by its full dotted id.";
            }

            var names = properties.Select(p => p.Name).ToList();
            var suggestion = PolicyChecks.Suggest(name, names);
            return suggestion.Length > 0
                ? $"Unknown property '{name}'{suggestion}"
                : $"Unknown property '{name}'; allowed here: {string.Join(", ", names)}.";
        }
    }
}
