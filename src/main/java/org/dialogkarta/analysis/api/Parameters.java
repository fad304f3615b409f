package org.dialogkarta.analysis.api;

import org.dialogkarta.web.InvalidInputException;
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
}
