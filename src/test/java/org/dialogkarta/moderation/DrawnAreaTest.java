package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** GeoJSON in, WKT out; anything that is not a valid WGS84 polygon is a 422 on {@code area}. */
class DrawnAreaTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aSquareWithAHole() {
    check("""
        {"type": "Polygon", "coordinates": [
          [[16.1, 58.5], [16.3, 58.5], [16.3, 58.7], [16.1, 58.7], [16.1, 58.5]],
          [[16.15, 58.55], [16.2, 58.55], [16.2, 58.6], [16.15, 58.55]]]}""",
        "POLYGON ((16.1 58.5, 16.3 58.5, 16.3 58.7, 16.1 58.7, 16.1 58.5), "
            + "(16.15 58.55, 16.2 58.55, 16.2 58.6, 16.15 58.55))");
  }

  @Test
  void aThirdCoordinateIsIgnored() {
    check("""
        {"type": "Polygon", "coordinates": [[[16.1, 58.5, 12], [16.3, 58.5, 3], [16.2, 58.7], [16.1, 58.5]]]}""",
        "POLYGON ((16.1 58.5, 16.3 58.5, 16.2 58.7, 16.1 58.5))");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "null",
      "[]",
      "\"POLYGON((0 0, 1 0, 1 1, 0 0))\"",
      "{\"type\": \"Point\", \"coordinates\": [16.1, 58.5]}",
      "{\"type\": \"MultiPolygon\", \"coordinates\": []}",
      "{\"type\": \"Polygon\"}",
      "{\"type\": \"Polygon\", \"coordinates\": []}",
      "{\"type\": \"Polygon\", \"coordinates\": [[]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[16.1, 58.5], [16.3, 58.5], [16.1, 58.5]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[16.1, 58.5], [16.3, 58.5], [16.3, 58.7], [16.1, 58.7]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[16.1, 58.5], [16.3, 58.7], [16.3, 58.5], [16.1, 58.7], [16.1, 58.5]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[16.1, 58.5], [16.3, 58.5], [16.3, 91], [16.1, 58.5]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[200, 58.5], [16.3, 58.5], [16.3, 58.7], [200, 58.5]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[\"16.1\", 58.5], [16.3, 58.5], [16.3, 58.7], [\"16.1\", 58.5]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[16.1], [16.3, 58.5], [16.3, 58.7], [16.1]]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[16.1, 58.5, 16.3, 58.5]]}",
      "{\"type\": \"Polygon\", \"coordinates\": [[[1e400, 58.5], [16.3, 58.5], [16.3, 58.7], [1e400, 58.5]]]}"})
  void refused(String json) {
    assertThatThrownBy(() -> DrawnArea.parse(JSON.readTree(json)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.violations().getFirst().field()).isEqualTo("area");
          assertThat(e.violations().getFirst().code()).isEqualTo("area.invalid");
        });
  }

  @Test
  void missingIsRefusedToo() {
    assertThatThrownBy(() -> DrawnArea.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  private static void check(String geoJson, String wkt) {
    assertThat(DrawnArea.parse(JSON.readTree(geoJson)).wkt()).isEqualTo(wkt);
  }
}
