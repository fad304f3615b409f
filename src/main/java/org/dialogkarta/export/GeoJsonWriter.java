package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * GeoJSON (RFC 7946): one FeatureCollection in WGS84 with [lon, lat], exterior rings
 * counter-clockwise and holes clockwise, written with Jackson's streaming generator feature by
 * feature. The layer's fields are the properties; the pin id is also the feature's id.
 */
final class GeoJsonWriter implements ExportWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator json;
  private final Geometries geometries = new Geometries();
  private List<Field> fields;

  GeoJsonWriter(OutputStream out) {
    this.json = JSON.createGenerator(out);
  }

  @Override
  public void startLayer(LayerSchema schema) {
    fields = schema.fields();
    json.writeStartObject();
    json.writeStringProperty("type", "FeatureCollection");
    json.writeStringProperty("name", schema.name());
    json.writeName("features");
    json.writeStartArray();
  }

  @Override
  public void write(Feature feature) {
    json.writeStartObject();
    json.writeStringProperty("type", "Feature");
    if (fields.getFirst().name().equals("id") && feature.values()[0] != null) {
      json.writeNumberProperty("id", (Long) feature.values()[0]);
    }
    json.writeName("geometry");
    geometry(geometries.read(feature.wkb()));
    json.writeName("properties");
    json.writeStartObject();
    for (int i = 0; i < fields.size(); i++) {
      json.writeName(fields.get(i).name());
      Object v = feature.values()[i];
      switch (v) {
        case null -> json.writeNull();
        case Long l -> json.writeNumber(l);
        case Double d -> json.writeNumber(d);
        case OffsetDateTime t -> json.writeString(Field.iso(t));
        default -> json.writeString(v.toString());
      }
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  @Override
  public void endLayer() {
    json.writeEndArray();
    json.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    json.close();
  }

  private void geometry(Geometry g) {
    json.writeStartObject();
    String type = g.getGeometryType();
    json.writeStringProperty("type", type);
    if (type.equals("GeometryCollection")) {
      json.writeName("geometries");
      json.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        geometry(g.getGeometryN(i));
      }
      json.writeEndArray();
    } else {
      json.writeName("coordinates");
      coordinates(g);
    }
    json.writeEndObject();
  }

  private void coordinates(Geometry g) {
    switch (g) {
      case Point p -> position(p.getCoordinate());
      case LineString line -> positions(line.getCoordinates(), false);
      case Polygon polygon -> {
        json.writeStartArray();
        ring(polygon.getExteriorRing(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
          ring(polygon.getInteriorRingN(i), false);
        }
        json.writeEndArray();
      }
      default -> {
        json.writeStartArray();
        for (int i = 0; i < g.getNumGeometries(); i++) {
          coordinates(g.getGeometryN(i));
        }
        json.writeEndArray();
      }
    }
  }

  private void ring(LineString ring, boolean exterior) {
    Coordinate[] c = ring.getCoordinates();
    boolean ccw = Orientation.isCCW(c);
    positions(c, ccw != exterior);
  }

  private void positions(Coordinate[] c, boolean reversed) {
    json.writeStartArray();
    for (int i = 0; i < c.length; i++) {
      position(c[reversed ? c.length - 1 - i : i]);
    }
    json.writeEndArray();
  }

  private void position(Coordinate c) {
    json.writeStartArray();
    json.writeNumber(Geometries.round(c.x, true));
    json.writeNumber(Geometries.round(c.y, true));
    json.writeEndArray();
  }
}
