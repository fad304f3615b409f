package org.dialogkarta.ogc;

import org.springframework.web.util.HtmlUtils;

/**
 * A small HTML page builder for the OGC API's HTML views. Every piece of text and every URL goes
 * through {@link HtmlUtils#htmlEscape}, so a pin text like {@code <script>} is shown, never run;
 * there is no way to add unescaped markup from outside this class.
 */
final class HtmlPage {

  private final StringBuilder body = new StringBuilder();
  private final String title;

  HtmlPage(String title) {
    this.title = title;
  }

  static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }

  HtmlPage heading(String text) {
    body.append("<h1>").append(escape(text)).append("</h1>\n");
    return this;
  }

  HtmlPage subheading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  HtmlPage paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  HtmlPage link(String href, String text) {
    body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
    return this;
  }

  HtmlPage startList() {
    body.append("<ul>\n");
    return this;
  }

  HtmlPage item(String text) {
    body.append("<li>").append(escape(text)).append("</li>\n");
    return this;
  }

  HtmlPage linkItem(String href, String text, String note) {
    body.append("<li><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
    if (note != null && !note.isEmpty()) {
      body.append(" — ").append(escape(note));
    }
    body.append("</li>\n");
    return this;
  }

  HtmlPage endList() {
    body.append("</ul>\n");
    return this;
  }

  HtmlPage startTable(String... headers) {
    body.append("<table>\n<tr>");
    for (String h : headers) {
      body.append("<th>").append(escape(h)).append("</th>");
    }
    body.append("</tr>\n");
    return this;
  }

  /** A row; a cell given as {@code Cell.link} becomes a link, anything else plain text. */
  HtmlPage row(Object... cells) {
    body.append("<tr>");
    for (Object c : cells) {
      body.append("<td>");
      if (c instanceof Cell(String href, String text)) {
        body.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
      } else {
        body.append(escape(c == null ? "" : c.toString()));
      }
      body.append("</td>");
    }
    body.append("</tr>\n");
    return this;
  }

  HtmlPage endTable() {
    body.append("</table>\n");
    return this;
  }

  HtmlPage code(String text) {
    body.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  /** A table cell that links somewhere. */
  record Cell(String href, String text) {}

  String render() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="/favicon.svg">
        <title>%s</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; max-width: 80rem; }
        table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .25rem .5rem;
        text-align: left; vertical-align: top; } pre { white-space: pre-wrap; }
        </style>
        </head>
        <body>
        %s</body>
        </html>
        """.formatted(escape(title), body);
  }
}
