namespace Privacy;

/// <summary>A stored record that could not be planned: which one, and what is wrong with it.</summary>
/// <param name="Record">The record's id, or null when even the id could not be read.</param>
/// <param name="Code">A stable kebab-case code such as <c>unknown-category</c>.</param>
/// <param name="Field">The record field at fault.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RecordProblem(string? Record, string Code, string? Field, string Message);
