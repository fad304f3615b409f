package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GDAL's OGC API – Features driver (OAPIF, Debian's gdal-bin) reads the live API: the collections,
 * every feature of a layer that needs several pages, and the SWEREF 99 TM coordinates asked for
 * with {@code crs}. GDAL is the independent reader: what it cannot read is not done.
 */
class OgcGdalTest extends OgcTest {

  private static final Pattern POINT = Pattern.compile("POINT \\(([-0-9.]+) ([-0-9.]+)\\)");

  @Test
  void ogrinfoListsTheCollections() {
    String out = ogrinfo(List.of("-ro", "OAPIF:" + base()));
    assertThat(out).contains("pins (title: Pins)", "pins-" + dialogue.slug(), "neighbourhoods", "study-areas",
        "walk-routes");
  }

  @Test
  void ogrinfoReadsEveryFeatureFollowingNextLinks() {
    List<Long> ids = pins(25);
    String out = ogrinfo(List.of("-ro", "-al", "-oo", "PAGE_SIZE=10", "OAPIF:" + base(), "pins-" + dialogue.slug()));
    List<Long> read = new ArrayList<>();
    Matcher m = Pattern.compile("OGRFeature\\(pins-" + Pattern.quote(dialogue.slug()) + "\\):(\\d+)").matcher(out);
    while (m.find()) {
      read.add(Long.parseLong(m.group(1)));
    }
    assertThat(read).isEqualTo(ids);
    assertThat(out).contains("Feature Count: 25", "text (String) = Förslag nr 24 – åäö", "category (String) = suggestion");
    assertThat(POINT.matcher(out).results().count()).isEqualTo(25);
  }

  /**
   * GDAL 3.7 added the CRS open option of OAPIF; Debian bookworm's GDAL 3.6 has none, so the page
   * asked for with {@code crs} is also read by GDAL's GeoJSON driver. Either way the coordinates
   * must be PostGIS's SWEREF 99 TM values to the centimetre, in the axis order of the reader.
   */
  @Test
  void crsGivesSwerefCoordinatesToTheCentimetre() {
    long id = pin("Känd punkt", 16.1925001, 58.5876543);
    Map<String, Object> expected = jdbc.sql("""
            SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_Transform(location, 3006) AS g FROM pin WHERE id = :id) t""")
        .param("id", id).query().singleRow();
    // GDAL's GeoJSON driver knows no Content-Crs: it shows the coordinates in the order written,
    // which for SWEREF 99 TM is EPSG's, northing first.
    String raw = ogrinfo(List.of("-ro", "-al", base() + "/collections/pins-" + dialogue.slug()
        + "/items?crs=" + EPSG + "3006&f=json"));
    Matcher written = POINT.matcher(raw);
    assertThat(written.find()).as(raw).isTrue();
    assertThat(Double.parseDouble(written.group(1))).isCloseTo((Double) expected.get("y"), within(0.01));
    assertThat(Double.parseDouble(written.group(2))).isCloseTo((Double) expected.get("x"), within(0.01));
    // GDAL's OAPIF driver with its CRS option (3.7 and later) reads the axis order from the CRS
    // and gives easting, northing as GIS software shows them.
    if (ogrinfo(List.of("--format", "OAPIF")).contains("name=\"CRS\"")) {
      String out = ogrinfo(List.of("-ro", "-al", "-oo", "CRS=EPSG:3006", "OAPIF:" + base(), "pins-" + dialogue.slug()));
      Matcher m = POINT.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      assertThat(Double.parseDouble(m.group(1))).isCloseTo((Double) expected.get("x"), within(0.01));
      assertThat(Double.parseDouble(m.group(2))).isCloseTo((Double) expected.get("y"), within(0.01));
    }
    // And the value is SWEREF 99 TM's own, as gdaltransform computes it from the same WGS84 point.
    String transformed = run(List.of("gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3006", "-output_xy"),
        "16.1925001 58.5876543\n");
    String[] xy = transformed.strip().split("\\s+");
    assertThat(Double.parseDouble(xy[0])).isCloseTo((Double) expected.get("x"), within(0.01));
    assertThat(Double.parseDouble(xy[1])).isCloseTo((Double) expected.get("y"), within(0.01));
  }

}
