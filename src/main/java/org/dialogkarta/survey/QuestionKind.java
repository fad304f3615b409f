package org.dialogkarta.survey;

import org.dialogkarta.kernel.Coded;

/** What a question asks for, and so what its answer's value must be. */
public enum QuestionKind implements Coded {
  SINGLE_CHOICE("single_choice"),
  MULTIPLE_CHOICE("multiple_choice"),
  SCALE("scale"),
  RANKING("ranking"),
  SHORT_TEXT("short_text"),
  LONG_TEXT("long_text"),
  NUMBER("number"),
  MAP_POINT("map_point"),
  MAP_LINE("map_line"),
  MAP_AREA("map_area");

  private final String code;

  QuestionKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Single and multiple choice: the kinds a condition may look at. */
  boolean isChoice() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  /** Kinds whose answers are codes of the question's options. */
  boolean hasOptions() {
    return isChoice() || this == RANKING;
  }

  boolean isText() {
    return this == SHORT_TEXT || this == LONG_TEXT;
  }

  boolean isMap() {
    return this == MAP_POINT || this == MAP_LINE || this == MAP_AREA;
  }

  /** The GeoJSON geometry type a map answer must have. */
  String geometryType() {
    return switch (this) {
      case MAP_POINT -> "Point";
      case MAP_LINE -> "LineString";
      case MAP_AREA -> "Polygon";
      default -> null;
    };
  }
}
