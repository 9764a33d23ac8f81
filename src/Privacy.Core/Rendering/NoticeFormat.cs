namespace Privacy.Rendering;

/// <summary>The formats <see cref="PolicyRenderer"/> writes a privacy notice in.</summary>
public enum NoticeFormat
{
    /// <summary>CommonMark, with an HTML anchor before each clause's paragraph.</summary>
    Markdown = 0,

    /// <summary>A standalone HTML5 page.</summary>
    Html = 1,
}
