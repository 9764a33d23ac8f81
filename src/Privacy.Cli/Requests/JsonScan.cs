using System;

namespace Privacy.Cli.Requests;

/// <summary>
/// Explains why a JSON input could not be read, naming the field at fault: the library's scanner
/// (<see cref="Privacy.Serialization.JsonScanner"/>), which the request reader also uses, for the command's other inputs.
/// </summary>
internal static class JsonScan
{
    /// <summary>The first problem in <paramref name="utf8"/>, or null when it is well-formed JSON with unique keys and whole strings.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="prefix">Prepended to field paths, such as <c>line 3.</c>; empty for records.</param>
    /// <param name="topLevelId">The root object's <c>id</c> string, when it could be read.</param>
    public static Privacy.Serialization.JsonScanner.Finding? Find(ReadOnlySpan<byte> utf8, string prefix, out string? topLevelId)
        => Privacy.Serialization.JsonScanner.Find(utf8, prefix, out topLevelId);

    /// <summary>Throws the first problem in <paramref name="json"/> as a <see cref="PrivacyRequestException"/>, naming the field.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="prefix">Prepended to field paths, such as <c>subject.</c>.</param>
    public static void Require(string json, string prefix) => Privacy.Serialization.JsonScanner.Require(json, prefix);
}
