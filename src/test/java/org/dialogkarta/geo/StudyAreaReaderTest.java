package org.dialogkarta.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.MultiPolygon;

class StudyAreaReaderTest {

  private static final String SQUARE = "[[[16.1,58.5],[16.2,58.5],[16.2,58.6],[16.1,58.6],[16.1,58.5]]]";

  @Test
  void aPolygonAFeatureAndACollectionAllBecomeOneMultiPolygon() {
    check("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}", 1);
    check("{\"type\":\"Feature\",\"properties\":{\"namn\":\"Navestad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}", 1);
    check("""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":%s}},
          {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[16.3,58.5],[16.4,58.5],[16.4,58.6],[16.3,58.5]]]}}]}"""
        .formatted(SQUARE), 2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "{\"type\":\"Point\",\"coordinates\":[16.1,58.5]};                                                area.not_polygon",
      "{\"type\":\"Polygon\",\"coordinates\":[[[16.1,58.5],[16.2,58.6],[16.2,58.5],[16.1,58.6],[16.1,58.5]]]}; area.invalid",
      "{\"type\":\"Polygon\",\"coordinates\":[[[200,58.5],[201,58.5],[201,59],[200,58.5]]]};                area.out_of_range",
      "{\"type\":\"Polygon\";                                                                             area.malformed",
      "{\"type\":\"FeatureCollection\",\"features\":[]};                                                     area.empty"})
  void badAreasAreRefusedWithTheReason(String json, String code) {
    assertThatThrownBy(() -> StudyAreaReader.read(json, "studyArea"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations().getFirst().code()).isEqualTo(code);
          assertThat(e.violations().getFirst().field()).isEqualTo("studyArea");
        });
  }

  @Test
  void aBowTieIsRefusedNamingWhere() {
    assertThatThrownBy(() -> StudyAreaReader.read(
        "{\"type\":\"Polygon\",\"coordinates\":[[[16.1,58.5],[16.2,58.6],[16.2,58.5],[16.1,58.6],[16.1,58.5]]]}", "studyArea"))
        .hasMessageContaining("Self-intersection").hasMessageContaining("16.15");
  }

  private static void check(String json, int parts) {
    MultiPolygon area = StudyAreaReader.read(json, "studyArea");
    assertThat(area.getNumGeometries()).isEqualTo(parts);
    assertThat(area.getSRID()).isEqualTo(4326);
    assertThat(area.isValid()).isTrue();
  }
}
