package org.dialogkarta.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.ResourceBundle;
import org.dialogkarta.kernel.Messages;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV for spreadsheets and GIS alike: UTF-8 with a byte-order mark so that Excel reads å, ä and
 * ö right, CRLF line ends, a header row, the layer's fields (a code followed by its Swedish label
 * in {@code <field>_label}), then {@code wkt} (the geometry in the export's CRS) and
 * {@code lon}/{@code lat} (a WGS84 point on the feature: the pin itself, or a point inside a
 * polygon or on a line). Two dialects: RFC 4180 (commas, decimal points: for GIS and scripts) and
 * the one a Swedish Excel opens in columns without an import dialog (semicolons, decimal commas).
 *
 * <p>Citizens' words must not run as spreadsheet formulas (CSV injection): a text cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate.
 */
final class CsvWriter implements ExportWriter {

  /** The separator between cells and the decimal mark of numbers. */
  enum Dialect {
    RFC_4180(',', '.'),
    EXCEL_SV(';', ',');

    final char separator;
    final char decimal;

    Dialect(char separator, char decimal) {
      this.separator = separator;
      this.decimal = decimal;
    }
  }

  private static final ResourceBundle SWEDISH = Messages.bundle("sv");

  private final Writer out;
  private final Dialect dialect;
  private final WKTWriter wkt = new WKTWriter();
  private final Geometries geometries = new Geometries();
  private List<Field> fields;

  CsvWriter(OutputStream out, Dialect dialect) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.dialect = dialect;
    this.out.write('\uFEFF');
  }

  @Override
  public void startLayer(LayerSchema schema) throws IOException {
    fields = schema.fields();
    for (Field f : fields) {
      out.write(f.name());
      out.write(dialect.separator);
      if (f.labels() != null) {
        out.write(f.name() + "_label");
        out.write(dialect.separator);
      }
    }
    out.write("wkt" + dialect.separator + "lon" + dialect.separator + "lat\r\n");
  }

  @Override
  public void write(Feature feature) throws IOException {
    Object[] values = feature.values();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      switch (v) {
        case null -> { }
        case Long l -> out.write(Long.toString(l));
        case Double d -> out.write(number(d));
        case OffsetDateTime t -> out.write(Field.iso(t));
        default -> out.write(cell(v.toString(), dialect.separator));
      }
      out.write(dialect.separator);
      String labels = fields.get(i).labels();
      if (labels != null) {
        if (v != null) {
          out.write(cell(label(labels, v.toString()), dialect.separator));
        }
        out.write(dialect.separator);
      }
    }
    if (feature.wkb() == null) { // a table without geometry (survey answers): empty cells
      out.write(dialect.separator);
      out.write(dialect.separator);
      out.write("\r\n");
      return;
    }
    out.write(quote(wkt.write(geometries.read(feature.wkb())), dialect.separator));
    out.write(dialect.separator);
    out.write(number(Geometries.round(feature.lon(), true)));
    out.write(dialect.separator);
    out.write(number(Geometries.round(feature.lat(), true)));
    out.write("\r\n");
  }

  private String number(double d) {
    String text = Double.toString(d);
    return dialect.decimal == '.' ? text : text.replace('.', dialect.decimal);
  }

  /** The Swedish label of a code; the code itself when the bundle has none. */
  static String label(String prefix, String code) {
    String key = prefix + "." + code;
    return SWEDISH.containsKey(key) ? SWEDISH.getString(key) : code;
  }

  /** A text cell: defused if a spreadsheet would take it for a formula, then quoted as needed. */
  static String cell(String text, char separator) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return quote(text, separator);
  }

  static String quote(String text, char separator) {
    boolean needs = false;
    for (int i = 0; i < text.length() && !needs; i++) {
      char c = text.charAt(i);
      needs = c == separator || c == ',' || c == '"' || c == '\n' || c == '\r';
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
