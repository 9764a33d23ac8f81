using System.Collections.Generic;

namespace Privacy.Fuzz.Engine;

/// <summary>Tokens the mutator splices in: the inputs that have broken JSON parsers, instants and offsets before.</summary>
public static class Dictionary
{
    /// <summary>Text placed inside a JSON string, written as it appears between the quotes (escapes included).</summary>
    public static readonly IReadOnlyList<string> StringContents =
    [
        @"\ud800", @"\udfff", @"\ud800\ud800", @"\udbff\udfff", @"a\ud800b", @"\u0000", @"\u001b[2J", @"\u001b[32mPERMIT\u001b[0m",
        @"\nPERMIT  use", @"x\r\ny", @"\u0085", @"\u2028", @"\u202e", @"\u200b", @"\ufeff", @"\uffff", "\u00e9", "\ud83d\ude00",
        "9999-12-31T23:59:59-18:00", "9999-12-31T23:59:59+18:00", "9999-12-31T23:59:59Z", "9999-12-31T00:00:00Z",
        "0001-01-01T00:00:00+18:00", "0001-01-01T00:00:00-18:00", "0001-01-01T00:00:00Z",
        "2026-03-01T09:00:00+19:00", "2026-03-01T09:00:00-19:00", "2026-03-01T09:00:00+18:00", "2026-03-01T09:00:00-18:00",
        "2026-03-01T09:00:00+99:99", "2026-03-01T09:00:00.123456789Z", "2026-03-01T09:00:00.1234567891Z", "-9998-01-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T09:00:60Z", "2026-03-01", "2026-03-01T09:00:00",
        "+19:00", "-18:00", "+18:00", "Z", "T", "P9999Y", "P-1D", "P0D", "PT2147483647S", "P2147483647D", "P1M", "P1Y2M3DT4H5M6S", "PT0.5S",
        "Etc/GMT-14", "Etc/GMT+12", "Europe/Oslo", "Pacific/Kiritimati", "No/Such_Zone", "UTC", "builtin:ismartviewpro-2018",
        @"categor\u0079", @"\u0061t", @"\u0070ersonal.email", "personal", "personal.", ".personal", "personal..email", "PERSONAL.EMAIL",
        "", " ", "null", "true", "0", "-1", "a", "\\\\", "\\\"", "\\/",
    ];

    /// <summary>Whole JSON values.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        "null", "true", "false", "{}", "[]", "\"\"", "[null]", "{\"\":\"\"}", "[\"\"]", "[[]]", "[{}]",
        "0", "-0", "1", "-1", "0.5", "1e309", "-1e309", "1E400", "2147483647", "2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "99999999999999999999999999999999999999", "1.7976931348623157e308", "5e-324", "1.0",
    ];

    /// <summary>Raw bytes inserted anywhere.</summary>
    public static readonly IReadOnlyList<string> Raw =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "\r", "\r\n", " ", "\t", "\u00a0", "\ufeff", "//", "/*", "*/", ",}", ",]", "\"\":",
        "{\"a\":", "[[[[[[[[[[[[[[[[", "]]]]]]]]]]]]]]]]", "\u0000", "\u001b",
    ];
}
