package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialogkarta.demo.DemoMunicipality.Contents;
import org.dialogkarta.demo.DemoMunicipality.Neighbourhood;
import org.dialogkarta.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/** The demo gazetteer as data: every place where its name says, every village part named once. */
class DemoGazetteerTest {

  private static final Set<String> KINDS = Set.of("address", "street", "square", "landmark", "district", "village",
      "locality");

  private final Contents demo = DemoMunicipality.norrkoping();
  private final List<DemoGazetteer.Entry> entries = DemoGazetteer.entries();

  @Test
  void eachPartOfTheRuralStudyAreaHoldsExactlyOneVillage() {
    MultiPolygon villages = demo.dialogue(DemoMunicipality.VILLAGES).studyArea();
    assertThat(villages.getNumGeometries()).isEqualTo(6);
    for (int i = 0; i < villages.getNumGeometries(); i++) {
      Geometry part = villages.getGeometryN(i);
      List<String> inside = entries.stream().filter(e -> e.kind().equals("village"))
          .filter(e -> part.covers(point(e))).map(DemoGazetteer.Entry::name).toList();
      assertThat(inside).as("part %d", i + 1).hasSize(1);
    }
  }

  @Test
  void everyPlaceLiesInItsVillageOrDistrict() {
    Map<String, Geometry> villages = entries.stream().filter(e -> e.kind().equals("village"))
        .collect(Collectors.toMap(DemoGazetteer.Entry::name, e -> partAround(point(e))));
    Map<String, Geometry> districts = demo.neighbourhoods().stream()
        .collect(Collectors.toMap(Neighbourhood::name, Neighbourhood::boundary));
    assertThat(entries).filteredOn(e -> e.district() != null).isNotEmpty().allSatisfy(e -> {
      Geometry area = villages.containsKey(e.district()) ? villages.get(e.district()) : districts.get(e.district());
      assertThat(area).as("%s: the area %s", e.name(), e.district()).isNotNull();
      assertThat(area.covers(point(e))).as("%s in %s", e.name(), e.district()).isTrue();
    });
  }

  @Test
  void kindsAreKnownAndNamesUniqueAndTheDistrictsAreThere() {
    Set<String> seen = new HashSet<>();
    assertThat(entries).allSatisfy(e -> {
      assertThat(KINDS).contains(e.kind());
      assertThat(seen.add(e.name())).as("twice: %s", e.name()).isTrue();
    });
    assertThat(entries.stream().filter(e -> e.kind().equals("district")).map(DemoGazetteer.Entry::name))
        .containsExactlyInAnyOrderElementsOf(demo.neighbourhoods().stream().map(Neighbourhood::name).toList());
    assertThat(entries).extracting(DemoGazetteer.Entry::name).contains("Skärblacka", "Storgatan 12", "Navestad centrum",
        "Hageby centrum");
  }

  private Geometry partAround(Point p) {
    MultiPolygon villages = demo.dialogue(DemoMunicipality.VILLAGES).studyArea();
    for (int i = 0; i < villages.getNumGeometries(); i++) {
      if (villages.getGeometryN(i).covers(p)) {
        return villages.getGeometryN(i);
      }
    }
    throw new AssertionError("no village part around " + p);
  }

  private static Point point(DemoGazetteer.Entry e) {
    return Wgs84.point(e.lon(), e.lat());
  }
}
