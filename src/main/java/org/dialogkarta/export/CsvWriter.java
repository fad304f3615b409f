package org.dialogkarta.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV for spreadsheets and GIS alike (RFC 4180): UTF-8 with a byte-order mark so that Excel reads
 * å, ä and ö right, CRLF line ends, a header row, the layer's fields, then {@code wkt} (the
 * geometry in the export's CRS) and {@code lon}/{@code lat} (a WGS84 point on the feature: the
 * pin itself, or a point inside a polygon or on a line).
 *
 * <p>Citizens' words must not run as spreadsheet formulas (CSV injection): a text cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate.
 */
final class CsvWriter implements ExportWriter {

  private final Writer out;
  private final WKTWriter wkt = new WKTWriter();
  private final Geometries geometries = new Geometries();
  private List<Field> fields;

  CsvWriter(OutputStream out) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.out.write('\uFEFF');
  }

  @Override
  public void startLayer(LayerSchema schema) throws IOException {
    fields = schema.fields();
    for (Field f : fields) {
      out.write(f.name());
      out.write(',');
    }
    out.write("wkt,lon,lat\r\n");
  }

  @Override
  public void write(Feature feature) throws IOException {
    Object[] values = feature.values();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      switch (v) {
        case null -> { }
        case Long l -> out.write(Long.toString(l));
        case Double d -> out.write(Double.toString(d));
        case OffsetDateTime t -> out.write(Field.iso(t));
        default -> out.write(cell(v.toString()));
      }
      out.write(',');
    }
    out.write(quote(wkt.write(geometries.read(feature.wkb()))));
    out.write(',');
    out.write(Double.toString(Geometries.round(feature.lon(), true)));
    out.write(',');
    out.write(Double.toString(Geometries.round(feature.lat(), true)));
    out.write("\r\n");
  }

  /** A text cell: defused if a spreadsheet would take it for a formula, then quoted as needed. */
  static String cell(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return quote(text);
  }

  static String quote(String text) {
    boolean needs = false;
    for (int i = 0; i < text.length() && !needs; i++) {
      char c = text.charAt(i);
      needs = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  @Override
  public void endLayer() {}

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
