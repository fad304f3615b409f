package org.dialogkarta.report.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes HTML to a stream. {@link #raw} is for markup this package writes itself, everything else
 * ({@link #text}, {@link #element}) is escaped, so user text can only ever be text. Wraps the
 * writer's IOException so the section writers read as a document outline.
 */
final class Markup {

  private final Writer out;

  Markup(Writer out) {
    this.out = out;
  }

  /** Markup written as is: never pass user text here. */
  Markup raw(String markup) {
    try {
      out.write(markup);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text, escaped. */
  Markup text(String text) {
    return raw(HtmlEscape.escape(text));
  }

  /** {@code <tag>text</tag>}; {@code openTag} may carry attributes, e.g. {@code "th scope=\"col\""}. */
  Markup element(String openTag, String text) {
    String name = openTag.split(" ", 2)[0];
    return raw("<" + openTag + ">").text(text).raw("</" + name + ">\n");
  }

  /** Each paragraph of the text as a {@code <p>}; {@code otherwise} (may be null) when there is none. */
  Markup paragraphs(String text, String otherwise) {
    var paragraphs = SwedishFormat.paragraphs(text);
    if (paragraphs.isEmpty() && otherwise != null) {
      element("p class=\"missing\"", otherwise);
    }
    paragraphs.forEach(p -> element("p", p));
    return this;
  }

  /** An attribute value, escaped, with its quotes. */
  static String attribute(String value) {
    return "\"" + HtmlEscape.escape(value) + "\"";
  }
}
