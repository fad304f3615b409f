package org.dialogkarta.follow;

import org.springframework.web.util.HtmlUtils;

/**
 * A message's body written once and rendered twice: as plain text and as simple HTML in which
 * every text (a pin's own words, a dialogue's title, a reply) is escaped.
 */
final class MailBody {

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder html = new StringBuilder(
      "<!doctype html><html><body style=\"font-family: sans-serif; line-height: 1.4\">");
  private boolean inList;

  MailBody heading(String value) {
    closeList();
    text.append(value).append('\n').append("=".repeat(Math.min(60, value.length()))).append("\n\n");
    html.append("<h2>").append(esc(value)).append("</h2>");
    return this;
  }

  MailBody para(String value) {
    closeList();
    text.append(value).append("\n\n");
    html.append("<p>").append(esc(value)).append("</p>");
    return this;
  }

  /** A paragraph quoting someone's words (a pin's text, a reply). */
  MailBody quote(String value) {
    closeList();
    text.append("> ").append(value.replace("\n", "\n> ")).append("\n\n");
    html.append("<blockquote style=\"border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em\">")
        .append(esc(value).replace("\n", "<br>")).append("</blockquote>");
    return this;
  }

  MailBody item(String value) {
    if (!inList) {
      html.append("<ul>");
      inList = true;
    }
    text.append("  - ").append(value).append('\n');
    html.append("<li>").append(esc(value)).append("</li>");
    return this;
  }

  MailBody link(String label, String url) {
    closeList();
    text.append(label).append(":\n").append(url).append("\n\n");
    html.append("<p><a href=\"").append(esc(url)).append("\">").append(esc(label)).append("</a></p>");
    return this;
  }

  MailBody footer(String value, String label, String url) {
    closeList();
    text.append("-- \n").append(value).append('\n');
    html.append("<hr><p style=\"font-size: small; color: #555\">").append(esc(value));
    if (url != null) {
      text.append(label).append(": ").append(url).append('\n');
      html.append(" <a href=\"").append(esc(url)).append("\">").append(esc(label)).append("</a>");
    }
    html.append("</p>");
    return this;
  }

  String text() {
    closeList();
    return text.toString().stripTrailing() + "\n";
  }

  String html() {
    closeList();
    return html + "</body></html>";
  }

  private void closeList() {
    if (inList) {
      html.append("</ul>");
      text.append('\n');
      inList = false;
    }
  }

  private static String esc(String value) {
    return HtmlUtils.htmlEscape(value, "UTF-8");
  }
}
