package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The request rules without a database: a layer of mixed geometry types cannot be a Shapefile
 * (no layer of the service is mixed today, so this is where the rule is checked), but is fine
 * as GeoPackage or GeoJSON.
 */
class ExportRequestsTest {

  private static ExportLayer layer(String name, GeometryKind kind) {
    LayerSchema schema = new LayerSchema(name, name, kind, List.of(Field.integer("id")));
    return new ExportLayer() {
      @Override
      public LayerSchema schema() {
        return schema;
      }

      @Override
      public Prepared prepare(Scope scope) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private final ExportRequests requests = new ExportRequests(new ExportLayers(List.of(
      layer("mixed", GeometryKind.GEOMETRY), layer("points", GeometryKind.POINT))), null);

  private static ExportAsk ask(String file, String layers) {
    return ExportRequests.fromFile(file, null, null, layers, null, null, null, null);
  }

  @Test
  void mixedGeometryIsNoShapefile() {
    assertThatThrownBy(() -> requests.parsePath(ask("mixed.shp.zip", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations().getFirst().code()).isEqualTo("export.format.mixed_geometry"));
    assertThat(requests.parsePath(ask("mixed.gpkg", "points")).layers()).hasSize(2);
    assertThat(requests.parsePath(ask("mixed.geojson", null)).crs()).isEqualTo(ExportCrs.WGS84);
    assertThat(requests.parsePath(ask("points.shp.zip", null)).crs()).isEqualTo(ExportCrs.SWEREF99_TM);
  }

  @Test
  void crsCodesInEveryAcceptedSpelling() {
    assertThat(ExportCrs.parse("epsg:3010").epsg()).isEqualTo(3010);
    assertThat(ExportCrs.parse("3018").epsg()).isEqualTo(3018);
    assertThat(ExportCrs.parse("http://www.opengis.net/def/crs/EPSG/0/3857").epsg()).isEqualTo(3857);
    for (String refused : List.of("EPSG:3005", "EPSG:3019", "EPSG:2400", "CRS84", "EPSG:", "")) {
      assertThatThrownBy(() -> ExportCrs.parse(refused)).as(refused).isInstanceOf(InvalidInputException.class);
    }
  }
}
