package org.dialogkarta.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * A view as the report numbers it: {@code K-123} for a pin placed on the map (karta), {@code I-17}
 * for a view registered by staff (inkommen). The same numbers are used in the API, on the report
 * page and in the report's appendix.
 */
public record ViewRef(Kind kind, long id) implements Comparable<ViewRef> {

  private static final Pattern FORM = Pattern.compile("([KI])-(\\d{1,18})");

  public enum Kind { PIN, INCOMING }

  public static ViewRef pin(long id) {
    return new ViewRef(Kind.PIN, id);
  }

  public static ViewRef incoming(long id) {
    return new ViewRef(Kind.INCOMING, id);
  }

  /** Reads {@code K-123} or {@code I-17}; anything else is refused as bad input of {@code field}. */
  public static ViewRef parse(String text, String field) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw InvalidInputException.of(field, "view.ref",
          "'" + text + "' is not a view number; write K-<id> for a map pin or I-<id> for a registered view");
    }
    long id = Long.parseLong(m.group(2));
    return "K".equals(m.group(1)) ? pin(id) : incoming(id);
  }

  @JsonValue
  @Override
  public String toString() {
    return (kind == Kind.PIN ? "K-" : "I-") + id;
  }

  @Override
  public int compareTo(ViewRef o) {
    int byKind = kind.compareTo(o.kind);
    return byKind != 0 ? byKind : Long.compare(id, o.id);
  }

  /** The column of {@code report_topic_view} and {@code view_position} that holds this kind. */
  String column() {
    return kind == Kind.PIN ? "pin_id" : "incoming_view_id";
  }
}
