package org.dialogkarta.moderation;

import java.util.List;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;

/** Query parameters of the staff lists, checked at the edge: known codes and a sane page size. */
final class StaffFilters {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private StaffFilters() {}

  /** The codes, each one of {@code type}'s, blanks dropped; a 422 on {@code field} otherwise. */
  static <E extends Enum<E> & Coded> List<String> codes(Class<E> type, String field, List<String> given) {
    if (given == null) {
      return List.of();
    }
    return given.stream()
        .map(String::strip)
        .filter(code -> !code.isEmpty())
        .map(code -> Coded.fromCode(type, code).orElseThrow(() -> InvalidInputException.of(field,
            field + ".unknown", "Unknown " + field + " '" + code + "'; one of " + Coded.codesOf(type))).code())
        .toList();
  }

  static int limit(int asked) {
    return Math.clamp(asked, 1, MAX_LIMIT);
  }
}
