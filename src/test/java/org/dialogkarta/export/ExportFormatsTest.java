package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every format read back by GDAL's ogrinfo, not by our own code: feature count, CRS, geometry
 * type, Swedish letters, the known pin at the SWEREF 99 coordinates gdaltransform computes (to
 * the centimetre), and none of the hidden, pending or merged pins.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFormatsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  ExportFixture fixture;
  String gis;

  @BeforeAll
  void data() {
    fixture = new ExportFixture(jdbc);
    gis = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.GIS));
  }

  private ExportFixture.Download get(String file, String query) {
    ExportFixture.Download d = ExportFixture.download(port, "/api/v1/exports/" + file + "?dialogue="
        + fixture.dialogue.slug() + query, gis, dir);
    assertThat(d.status()).as(read(d.file())).isEqualTo(200);
    return d;
  }

  @Test
  void geoPackageInSwerefTmWithTheKnownPinToTheCentimetre() {
    ExportFixture.Download d = get("pins.gpkg", "");
    assertThat(d.contentType()).startsWith("application/geopackage+sqlite3");
    assertThat(d.disposition()).contains("pins-" + fixture.dialogue.slug() + "-3006.gpkg");
    String file = d.as("gpkg").toString();
    String summary = Gdal.summary(file, "pins");
    assertThat(summary).contains("Geometry: Point", "Feature Count: 2", "SWEREF99 TM", "ID[\"EPSG\",3006]");
    assertThat(summary).contains("neighbourhood: String", "created: DateTime", "supports: Integer64");
    String features = Gdal.features(file, "pins");
    assertKnownPinAt(features, 3006);
    assertThat(features).contains(ExportFixture.TEXT, ExportFixture.REPLY, fixture.neighbourhood, fixture.department,
        "subtags (String) = lighting,vegetation", "notes (Integer64) = 1", "status (String) = forwarded");
    assertNothingHidden(features);
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql", "SELECT HasSpatialIndex('pins', 'geom')"))
        .contains("HasSpatialIndex (Integer) = 1").doesNotContain("Warning");
  }

  @Test
  void localZoneGeoPackage() {
    String file = get("pins.gpkg", "&crs=EPSG:3010").as("gpkg").toString();
    assertThat(Gdal.summary(file, "pins")).contains("SWEREF99 16 30", "ID[\"EPSG\",3010]");
    assertKnownPinAt(Gdal.features(file, "pins"), 3010);
  }

  @Test
  void rt90ForOlderSystemsInGeoPackageAndShapefile() throws Exception {
    String file = get("pins.gpkg", "&crs=EPSG:3021").as("gpkg").toString();
    assertThat(Gdal.summary(file, "pins")).contains("RT90 2.5 gon V", "ID[\"EPSG\",3021]");
    assertKnownPinAt(Gdal.features(file, "pins"), 3021);

    String shp = "/vsizip/" + get("pins.shp.zip", "&crs=EPSG:3021").as("zip") + "/pins.shp";
    assertThat(Gdal.summary(shp)).contains("RT90 2.5 gon V", "ID[\"EPSG\",3021]");
    assertKnownPinAt(Gdal.features(shp), 3021);
  }

  @Test
  void aDialoguesDaysAreDatesInGeoPackageAndShapefile() throws Exception {
    jdbc.sql("UPDATE dialogue SET starts_on = DATE '2026-05-04', ends_on = DATE '2026-06-14' WHERE id = :d")
        .param("d", fixture.dialogue.id()).update();
    String file = get("study_areas.gpkg", "").as("gpkg").toString();
    assertThat(Gdal.summary(file, "study_areas")).contains("starts_on: Date", "ends_on: Date");
    assertThat(Gdal.features(file, "study_areas")).contains("starts_on (Date) = 2026/05/04", "ends_on (Date) = 2026/06/14");
    String shp = "/vsizip/" + get("study_areas.shp.zip", "").as("zip") + "/study_areas.shp";
    assertThat(Gdal.summary(shp)).contains("starts_on: Date (10.0)");
    assertThat(Gdal.features(shp)).contains("starts_on (Date) = 2026/05/04", "ends_on (Date) = 2026/06/14");
  }

  private static String style(String gpkg, String layer, String column) {
    return Gdal.run("ogrinfo", "-ro", "-q", gpkg, "-sql",
        "SELECT " + column + " FROM layer_styles WHERE f_table_name = '" + layer + "'");
  }

  @Test
  void multiLayerGeoPackageHasStylesAndSpatialIndexes() {
    String file = get("pins.gpkg", "&layers=study_areas,neighbourhoods,walk_routes,walk_tracks").as("gpkg").toString();
    String layers = Gdal.run("ogrinfo", "-ro", "-q", file);
    assertThat(layers).contains("pins (Point)", "study_areas (Multi Polygon)", "neighbourhoods (Multi Polygon)",
        "walk_routes (Line String)", "walk_tracks (Line String)");
    for (String layer : List.of("pins", "study_areas", "neighbourhoods", "walk_routes")) {
      assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
          "SELECT HasSpatialIndex('" + layer + "', 'geom')")).as(layer).contains("HasSpatialIndex (Integer) = 1");
    }
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
        "SELECT count(*) AS n FROM rtree_study_areas_geom")).contains("n (Integer) = 1");
    String styles = Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
        "SELECT f_table_name, useAsDefault, styleQML FROM layer_styles ORDER BY id");
    assertThat(styles).contains("f_table_name (String) = pins", "f_table_name (String) = study_areas",
        "renderer-v2 type=\"categorizedSymbol\" attr=\"category\"", "value=\"safety_concern\"", "Trygghetsproblem");
    // Areas as outlines that stay readable where they overlap, each layer its own.
    String neighbourhoods = style(file, "neighbourhoods", "styleQML");
    String studyAreas = style(file, "study_areas", "styleQML");
    assertThat(neighbourhoods).contains("name=\"style\" type=\"QString\" value=\"no\"");
    assertThat(studyAreas).contains("name=\"style\" type=\"QString\" value=\"no\"",
        "name=\"outline_style\" type=\"QString\" value=\"dash\"");
    assertThat(studyAreas).isNotEqualTo(neighbourhoods.replace("neighbourhoods", "study_areas"));
    assertThat(style(file, "pins", "styleSLD")).contains("<StyledLayerDescriptor version=\"1.1.0\"",
        "<ogc:Literal>safety_concern</ogc:Literal>");
    String walks = Gdal.features(file, "walk_routes");
    assertThat(walks).contains("Trygghetsvandring på Östermalm").doesNotContain("Facilitatorsson");
    assertThat(Gdal.summary(file, "walk_routes")).contains("Feature Count: 1");
    assertThat(Gdal.features(file, "neighbourhoods")).contains(fixture.neighbourhood);
  }

  @Test
  void shapefileZipWithPrjCpgAndCutFieldNames() throws Exception {
    Path zip = get("pins.shp.zip", "").as("zip");
    assertThat(Gdal.run("unzip", "-l", zip.toString())).contains("pins.shp", "pins.shx", "pins.dbf", "pins.prj",
        "pins.cpg", "pins.qml", "pins.sld", "pins_fields.txt");
    assertStyledByCategory(zip);
    String source = "/vsizip/" + zip + "/pins.shp";
    String summary = Gdal.summary(source);
    assertThat(summary).contains("Geometry: Point", "Feature Count: 2", "SWEREF99", "neighbourh: String", "time_of_da: String");
    // GDAL recognises the ESRI WKT of the .prj as the EPSG CRS itself.
    assertThat(summary).contains("ID[\"EPSG\",3006]");
    String features = Gdal.features(source);
    assertKnownPinAt(features, 3006);
    assertThat(features).contains(ExportFixture.TEXT, fixture.neighbourhood);
    assertNothingHidden(features);
    assertThat(Gdal.run("unzip", "-p", zip.toString(), "pins.cpg")).isEqualTo("UTF-8");
    assertThat(Gdal.run("unzip", "-p", zip.toString(), "pins_fields.txt")).contains("neighbourh\tneighbourhood");
  }

  @Test
  void shapefileOfLinesAndPolygonsInALocalZone() {
    Path routes = get("walk_routes.shp.zip", "&crs=EPSG:3010").as("zip");
    String lines = Gdal.features("/vsizip/" + routes + "/walk_routes.shp");
    assertThat(lines).contains("Trygghetsvandring på Östermalm", "people (Integer64) = (null)", "pins (Integer64) = 0")
        .containsPattern("starts \\(String\\) = \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Gdal.summary("/vsizip/" + routes + "/walk_routes.shp")).contains("Geometry: Line String",
        "Feature Count: 1", "SWEREF99 16 30", "ID[\"EPSG\",3010]");
    double[] start = Gdal.transform(16.15, 58.58, 3010);
    assertThat(lines).containsPattern("LINESTRING \\(" + (long) start[0] + "\\.\\d+ " + (long) start[1]);
    Path areas = get("study_areas.shp.zip", "").as("zip");
    assertThat(Gdal.features("/vsizip/" + areas + "/study_areas.shp")).contains(fixture.dialogue.slug(), "POLYGON ((");
    assertThat(Gdal.summary("/vsizip/" + areas + "/study_areas.shp")).contains("Geometry: Polygon", "Feature Count: 1");
  }

  @Test
  void clustersAndHotspotsOfThePublishedPinsOnly() {
    String file = get("clusters.gpkg", "&eps=5000&minPoints=2&layers=hotspots").as("gpkg").toString();
    String clusters = Gdal.summary(file, "clusters");
    assertThat(clusters).contains("Geometry: Polygon", "Feature Count: 1", "ID[\"EPSG\",3006]");
    assertWithinExtent(clusters, Gdal.transform(fixture.lon, fixture.lat, 3006));
    assertThat(Gdal.features(file, "clusters")).contains("pins (Integer64) = 2", "safety_concern (Integer64) = 1",
        "pin_ids (String) = " + fixture.knownPin + "," + fixture.formulaPin, "min_points (Integer64) = 2");
    // Two pins are too few for a hot spot test: the layer is there, with no hexagons in it.
    assertThat(Gdal.summary(file, "hotspots")).contains("Feature Count: 0");
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
        "SELECT styleQML FROM layer_styles WHERE f_table_name = 'hotspots'")).contains("attr=\"class\"", "hot_99");
  }

  @Test
  void hotspotsOfEnoughPinsCountThePublishedOnes() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    for (int i = 0; i < 40; i++) {
      crowdPin(d, 16.16 + (i % 8) * 0.005, 58.58 + (i / 8) * 0.004, "published");
    }
    long hidden = crowdPin(d, 16.175, 58.59, "hidden");
    ExportFixture.Download download = ExportFixture.download(port, "/api/v1/exports/hotspots.gpkg?dialogue="
        + d.slug(), gis, dir);
    assertThat(download.status()).as(read(download.file())).isEqualTo(200);
    String file = download.as("gpkg").toString();
    assertThat(Gdal.summary(file, "hotspots")).contains("Geometry: Polygon", "ID[\"EPSG\",3006]");
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql", "SELECT SUM(pins) AS total FROM hotspots"))
        .containsPattern("total \\(Integer(64)?\\) = 40\\b");
    assertThat(Gdal.features(file, "hotspots")).contains("class (String) = ", "POLYGON ((")
        .doesNotContainPattern("pin_ids \\(String\\) = ([0-9,]*,)?" + hidden + "\\b");
    ExportFixture.Download zip = ExportFixture.download(port, "/api/v1/exports/hotspots.shp.zip?crs=EPSG:3010&dialogue=" + d.slug(), gis, dir);
    assertThat(Gdal.summary("/vsizip/" + zip.as("zip") + "/hotspots.shp")).contains("Geometry: Polygon", "ID[\"EPSG\",3010]");
  }

  private long crowdPin(TestData.Dialogue d, double lon, double lat, String state) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, moderation_state)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'suggestion', 'Hexagon', :s) RETURNING id""")
        .param("d", d.id()).param("lon", lon).param("lat", lat).param("s", state).query(Long.class).single();
  }

  private static void assertWithinExtent(String summary, double[] xy) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("Extent: \\(([-0-9.]+), ([-0-9.]+)\\) - \\(([-0-9.]+), ([-0-9.]+)\\)").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    assertThat(xy[0]).isBetween(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3)));
    assertThat(xy[1]).isBetween(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(4)));
  }

  @Test
  void geoJsonInWgs84() {
    ExportFixture.Download d = get("pins.geojson", "");
    assertThat(d.contentType()).startsWith("application/geo+json");
    String file = d.as("geojson").toString();
    String summary = Gdal.summary(file);
    assertThat(summary).contains("Geometry: Point", "Feature Count: 2", "WGS 84");
    String features = Gdal.features(file);
    assertThat(features).contains(ExportFixture.TEXT, ExportFixture.FORMULA, ExportFixture.REPLY, fixture.department);
    double[] p = Gdal.points(features).getFirst();
    assertThat(p[0]).isCloseTo(fixture.lon, within(1e-7));
    assertThat(p[1]).isCloseTo(fixture.lat, within(1e-7));
    assertNothingHidden(features);
  }

  @Test
  void kmlStyledPerCategory() {
    ExportFixture.Download d = get("pins.kml", "");
    String kml = read(d.file());
    assertThat(kml).contains("<Style id=\"safety_concern\">", "<styleUrl>#safety_concern</styleUrl>",
        "<styleUrl>#suggestion</styleUrl>", "&lt;", "Mörk gångväg");
    String file = d.as("kml").toString();
    String features = Gdal.features(file);
    assertThat(features).contains(ExportFixture.TEXT, ExportFixture.FORMULA);
    // LIBKML reports a KML folder's geometry type as "Unknown (any)": the features say Point.
    assertThat(Gdal.summary(file)).contains("Feature Count: 2", "WGS 84", "ID[\"EPSG\",4326]");
    assertThat(features).contains("POINT (" + fixture.lon + " " + fixture.lat + ")", "POINT (16.19 58.58)");
    double[] p = Gdal.points(features).getFirst();
    assertThat(p[0]).isCloseTo(fixture.lon, within(1e-7));
    assertNothingHidden(features + kml);
  }

  @Test
  void csvWithBomWktAndDefusedFormulas() throws Exception {
    ExportFixture.Download d = get("pins.csv", "");
    byte[] bytes = Files.readAllBytes(d.file());
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String csv = new String(bytes, StandardCharsets.UTF_8);
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://example.org\"\", \"\"klicka\"\"), sa <b>någon</b>\"");
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",wkt,lon,lat")
        .contains(",category,category_label,", ",status,status_label,");
    // The known pin's codes with their Swedish labels beside them, from the same bundle as the pages.
    java.util.ResourceBundle swedish = org.dialogkarta.kernel.Messages.bundle("sv");
    assertThat(csv).contains(",forwarded," + swedish.getString("pinStatus.forwarded") + ",");
    String file = d.as("csv").toString();
    String features = Gdal.features("-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", file);
    assertThat(features).contains(ExportFixture.TEXT, "lon (String) = " + fixture.lon, "lat (String) = " + fixture.lat);
    assertThat(Gdal.summary("-oo", "GEOM_POSSIBLE_NAMES=wkt", file)).contains("Feature Count: 2");
    assertKnownPinAt(features, 3006);
    assertNothingHidden(features);
  }

  @Test
  void csvForSwedishExcelHasSemicolonsAndDecimalCommas() throws Exception {
    ExportFixture.Download d = get("pins.excel.csv", "");
    assertThat(d.disposition()).contains("-3006.excel.csv");
    String csv = new String(Files.readAllBytes(d.file()), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFid;dialogue;category;category_label;");
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";wkt;lon;lat").doesNotContain(",");
    assertThat(csv).contains(";" + String.valueOf(fixture.lon).replace('.', ',') + ";"
        + String.valueOf(fixture.lat).replace('.', ',') + "\r\n");
    // GDAL reads it with semicolons as the separator: the columns and the pins are all there.
    String file = d.as("csv").toString();
    String features = Gdal.features("-oo", "SEPARATOR=SEMICOLON", "-oo", "GEOM_POSSIBLE_NAMES=wkt", file);
    assertThat(features).contains(ExportFixture.TEXT, "category_label (String) = ");
    assertThat(Gdal.summary("-oo", "SEPARATOR=SEMICOLON", "-oo", "GEOM_POSSIBLE_NAMES=wkt", file)).contains("Feature Count: 2");
    assertKnownPinAt(features, 3006);
    assertNothingHidden(features);
  }

  /** The zip's SLD is well-formed XML with one rule per category, filtered on category; the QML names it too. */
  private static void assertStyledByCategory(Path zip) throws Exception {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // QGIS's DOCTYPE
      var sld = factory.newDocumentBuilder().parse(z.getInputStream(z.getEntry("pins.sld")));
      var literals = sld.getElementsByTagNameNS("http://www.opengis.net/ogc", "Literal");
      List<String> values = new java.util.ArrayList<>();
      for (int i = 0; i < literals.getLength(); i++) {
        values.add(literals.item(i).getTextContent());
      }
      assertThat(values).containsExactlyInAnyOrder("suggestion", "safety_concern", "service_gap", "valued_place");
      assertThat(sld.getElementsByTagNameNS("http://www.opengis.net/se", "Rule").getLength()).isEqualTo(4);
      String qml = new String(z.getInputStream(z.getEntry("pins.qml")).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(qml).contains("attr=\"category\"", "value=\"valued_place\"");
      factory.newDocumentBuilder().parse(z.getInputStream(z.getEntry("pins.qml")));
    }
  }

  /** The known pin comes first (rows are ordered by id): at gdaltransform's answer, to a centimetre. */
  private void assertKnownPinAt(String ogrinfo, int epsg) {
    double[] expected = Gdal.transform(fixture.lon, fixture.lat, epsg);
    double[] actual = Gdal.points(ogrinfo).getFirst();
    assertThat(actual[0]).as("x in EPSG:" + epsg).isCloseTo(expected[0], within(0.01));
    assertThat(actual[1]).as("y in EPSG:" + epsg).isCloseTo(expected[1], within(0.01));
  }

  private static void assertNothingHidden(String output) {
    for (String hidden : ExportFixture.HIDDEN_TEXTS) {
      assertThat(output).doesNotContain(hidden);
    }
    assertThat(output).doesNotContain("25_44", "woman");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(not text)";
    }
  }
}
