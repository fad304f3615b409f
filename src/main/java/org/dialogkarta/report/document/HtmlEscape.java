package org.dialogkarta.report.document;

/**
 * The one escape function for text that users or planners wrote, before it goes into the report's
 * HTML (which is also parsed as XML for the PDF). Escapes the five markup characters and drops the
 * control characters that XML forbids; null becomes the empty string.
 */
public final class HtmlEscape {

  private HtmlEscape() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (allowedInXml(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean allowedInXml(char c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  }
}
