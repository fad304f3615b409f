package org.dialogkarta.export;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.util.FileSystemUtils;

/**
 * A Shapefile as a zip of {@code .shp .shx .dbf .prj .cpg}, its styles ({@code .qml} for QGIS,
 * {@code .sld}) and the field-name table: geometry by
 * {@link ShapeFile}, attributes by {@link DbfTable} in UTF-8 (declared in the {@code .cpg}), the CRS as
 * ESRI WKT in the {@code .prj}. dBASE limits: names of ten characters ({@link ShapefileFields}),
 * text of 254 bytes (longer texts are cut at a character boundary: take GeoPackage, GeoJSON or
 * CSV for the whole text), times as ISO 8601 text in UTC.
 */
final class ShapefileWriter implements ExportWriter {

  private final OutputStream out;
  private final Path dir;
  private final ExportCrs crs;
  private final CrsDefinitions definitions;
  private final Geometries geometries = new Geometries();
  private LayerSchema schema;
  private ShapeFile shapes;
  private DbfTable dbf;

  ShapefileWriter(OutputStream out, Path work, ExportCrs crs, CrsDefinitions definitions) throws IOException {
    this.out = out;
    this.dir = Files.createTempDirectory(work, "shp");
    this.crs = crs;
    this.definitions = definitions;
  }

  @Override
  public void startLayer(LayerSchema layer) throws IOException {
    schema = layer;
    int type = switch (layer.geometry()) {
      case POINT -> ShapeFile.POINT;
      case LINESTRING, MULTILINESTRING -> ShapeFile.POLYLINE;
      case POLYGON, MULTIPOLYGON -> ShapeFile.POLYGON;
      case GEOMETRY -> throw new IllegalArgumentException("mixed geometry types have no Shapefile type");
    };
    shapes = new ShapeFile(file(".shp"), file(".shx"), type);
    List<String> names = ShapefileFields.names(layer.fields());
    DBFField[] fields = new DBFField[names.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = switch (layer.fields().get(i).type()) {
        case INTEGER -> new DBFField(names.get(i), DBFDataType.NUMERIC, 18, 0);
        case REAL -> new DBFField(names.get(i), DBFDataType.NUMERIC, 24, 6);
        case TEXT -> new DBFField(names.get(i), DBFDataType.CHARACTER, layer.fields().get(i).width());
        case DATETIME -> new DBFField(names.get(i), DBFDataType.CHARACTER, 24);
        case DATE -> new DBFField(names.get(i), DBFDataType.DATE, 8);
      };
    }
    dbf = new DbfTable(file(".dbf"), fields);
  }

  @Override
  public void write(Feature feature) throws IOException {
    byte[] wkb = feature.wkb();
    if (schema.geometry() == GeometryKind.POINT) {
      ByteBuffer b = ByteBuffer.wrap(wkb).order(wkb[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      shapes.point(b.getDouble(5), b.getDouble(13));
    } else {
      shapes.shape(geometries.read(wkb));
    }
    Object[] values = feature.values();
    Object[] record = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      record[i] = switch (values[i]) {
        case null -> null;
        case OffsetDateTime t -> Field.iso(t);
        case java.time.LocalDate day -> day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE); // dBASE D: YYYYMMDD
        case String s -> cut(s, schema.fields().get(i).width());
        default -> values[i];
      };
    }
    dbf.add(record);
  }

  /** At most {@code max} bytes of UTF-8, never ending in half a character. */
  static String cut(String text, int max) {
    if (text.length() * 3 <= max || text.getBytes(StandardCharsets.UTF_8).length <= max) {
      return text;
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > max) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  @Override
  public void endLayer() throws IOException {
    shapes.close();
    dbf.close();
    Files.writeString(file(".prj"), definitions.esri(crs), StandardCharsets.US_ASCII);
    Files.writeString(file(".cpg"), "UTF-8", StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve(schema.name() + "_fields.txt"), ShapefileFields.table(schema.fields()),
        StandardCharsets.UTF_8);
    // Styles beside the layer: QGIS applies <layer>.qml when it opens <layer>.shp; SLD for others.
    Files.writeString(file(".qml"), QgisStyle.qml(schema), StandardCharsets.UTF_8);
    Files.writeString(file(".sld"), SldStyle.sld(schema), StandardCharsets.UTF_8);
  }

  @Override
  public void finish() throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    // The dBASE table is mostly padding: the fastest deflate level still shrinks it tenfold.
    zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
    for (String suffix : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml", ".sld", "_fields.txt")) {
      zip.putNextEntry(new ZipEntry(schema.name() + suffix));
      Files.copy(dir.resolve(schema.name() + suffix), zip);
      zip.closeEntry();
    }
    zip.finish();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    FileSystemUtils.deleteRecursively(dir);
  }

  private Path file(String suffix) {
    return dir.resolve(schema.name() + suffix);
  }
}
