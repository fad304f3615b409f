package org.dialogkarta.analysis.api;

import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.util.MultiValueMap;

/** Reads an endpoint's own numeric parameters; anything unreadable is a 422 naming the field. */
final class Parameters {

  private Parameters() {}

  static Double number(MultiValueMap<String, String> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, name + ".invalid", "'" + name + "' must be a number, not '" + value + "'");
    }
  }

  static Integer integer(MultiValueMap<String, String> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, name + ".invalid", "'" + name + "' must be a whole number, not '" + value + "'");
    }
  }

  /**
   * A whole number within {@code min..max}; {@code absent} when not given, or a 422 naming the
   * field when {@code absent} is null (the parameter is needed).
   */
  static int integerIn(MultiValueMap<String, String> params, String name, Integer absent, int min, int max) {
    Integer value = integer(params, name);
    if (value == null && absent == null) {
      throw InvalidInputException.of(name, name + ".required", "'" + name + "' is needed");
    }
    int v = value == null ? absent : value;
    if (v < min || v > max) {
      throw InvalidInputException.of(name, name + ".range", "'" + name + "' must be between " + min + " and " + max);
    }
    return v;
  }

  static String single(MultiValueMap<String, String> params, String name) {
    java.util.List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw InvalidInputException.of(name, name + ".multiple", "Give one '" + name + "', not " + values.size());
    }
    String value = values.getFirst().strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * Pin ids in {@code name} ({@code 1,2,3}, repeatable), at most {@code max}; null when absent.
   * Anything that is not a whole number, or too many, is a 422 naming the field.
   */
  static java.util.List<Long> pinIds(MultiValueMap<String, String> params, String name, int max) {
    java.util.List<String> given = params.get(name);
    if (given == null) {
      return null;
    }
    java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
    for (String value : given) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          ids.add(Long.parseLong(part.strip()));
        } catch (NumberFormatException e) {
          throw InvalidInputException.of(name, name + ".invalid",
              "'" + name + "' are pin ids like 1,2,3, not '" + part.strip() + "'");
        }
      }
    }
    if (ids.size() > max) {
      throw InvalidInputException.of(name, name + ".tooMany", "At most " + max + " pin ids, not " + ids.size());
    }
    return java.util.List.copyOf(ids);
  }
}
