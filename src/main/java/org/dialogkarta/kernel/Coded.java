package org.dialogkarta.kernel;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose values travel as lower-case codes ({@code safety_concern}) in JSON and in the
 * database. {@link Converter} stores them; {@link #fromCode} parses them.
 */
public interface Coded {

  @JsonValue
  String code();

  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
  }

  static <E extends Enum<E> & Coded> String codesOf(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
  }

  /** Base of the JPA converters, one small subclass per enum. */
  abstract class Converter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {
    private final Class<E> type;

    protected Converter(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
      return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
      return code == null ? null : fromCode(type, code)
          .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " " + code));
    }
  }
}
