using System;
using System.Net;
using System.Text;

namespace Privacy.Rendering;

/// <content>The Markdown and HTML output.</content>
public static partial class PolicyRenderer
{
    private static string Markdown(Notice n)
    {
        var o = new StringBuilder();
        o.Append("# ").Append(Md(n.Title)).Append("\n\n");
        foreach (var line in n.Intro)
        {
            o.Append(Md(line)).Append("\n\n");
        }

        foreach (var section in n.Sections)
        {
            o.Append("## ").Append(Md(section.Title)).Append("\n\n");
            foreach (var line in section.Lead)
            {
                o.Append(Md(line)).Append("\n\n");
            }

            foreach (var para in section.Paragraphs)
            {
                o.Append("<a id=\"").Append(para.Anchor).Append("\"></a>\n");
                o.Append(Md(para.Text)).Append(" [").Append(para.Anchor).Append("](#").Append(para.Anchor).Append(")\n");
                if (para.Details.Count > 0)
                {
                    o.Append('\n');
                    foreach (var detail in para.Details)
                    {
                        o.Append("- ").Append(Md(detail)).Append('\n');
                    }
                }

                o.Append('\n');
            }
        }

        return o.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Text with control characters (terminal escapes and the like), bidirectional controls and lone
    /// surrogates replaced by U+FFFD, so that a notice shows what it says, wherever it is displayed.
    /// </summary>
    private static string Visible(string text)
    {
        var o = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var pair = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                o.Append(ch).Append(text[++i]);
                continue;
            }

            var hidden = (ch < ' ' && ch is not '\n' and not '\t') || ch is (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029'
                || char.IsSurrogate(ch);
            o.Append(hidden ? '\uFFFD' : ch);
        }

        return o.ToString();
    }

    private static string Md(string text)
    {
        var o = new StringBuilder(text.Length);
        foreach (var ch in Visible(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ')))
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                o.Append('\\');
            }

            o.Append(ch);
        }

        return o.ToString();
    }

    private static string Html(Notice n)
    {
        static string E(string text) => WebUtility.HtmlEncode(Visible(text));
        var o = new StringBuilder();
        o.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(n.Title)).Append("</title>\n</head>\n<body>\n");
        o.Append("<h1>").Append(E(n.Title)).Append("</h1>\n");
        foreach (var line in n.Intro)
        {
            o.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        foreach (var section in n.Sections)
        {
            o.Append("<section id=\"").Append(section.Slug).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var line in section.Lead)
            {
                o.Append("<p>").Append(E(line)).Append("</p>\n");
            }

            foreach (var para in section.Paragraphs)
            {
                o.Append("<p><a id=\"").Append(E(para.Anchor)).Append("\"></a>").Append(E(para.Text))
                    .Append(" <a class=\"clause\" href=\"#").Append(E(para.Anchor)).Append("\">").Append(E(para.Anchor)).Append("</a></p>\n");
                if (para.Details.Count > 0)
                {
                    o.Append("<ul>\n");
                    foreach (var detail in para.Details)
                    {
                        o.Append("<li>").Append(E(detail)).Append("</li>\n");
                    }

                    o.Append("</ul>\n");
                }
            }

            o.Append("</section>\n");
        }

        o.Append("</body>\n</html>\n");
        return o.ToString();
    }
}
