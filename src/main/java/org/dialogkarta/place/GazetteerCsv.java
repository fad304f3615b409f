package org.dialogkarta.place;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * Reads a gazetteer CSV: UTF-8 (a byte order mark is skipped), separated by {@code ;} (what a
 * Swedish Excel writes) or {@code ,}, whichever the header line has more of, fields optionally in
 * double quotes ({@code ""} for a quote inside). The first line names the columns; names are
 * matched without case, and the Swedish names are understood too ({@code namn}, {@code typ},
 * {@code kommun}, {@code ort}).
 */
final class GazetteerCsv {

  /** One data line: its line number in the file (the header is line 1) and its values by column. */
  record Line(int number, Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  /** The file: its column names (lower case, Swedish names translated) and its data lines. */
  record Table(List<String> columns, List<Line> lines) {}

  private static final Map<String, String> SWEDISH = Map.of("namn", "name", "typ", "kind", "kommun", "municipality",
      "ort", "district", "stadsdel", "district");

  private GazetteerCsv() {}

  static Table read(byte[] content, int maxLines) {
    String text = decode(content);
    List<List<String>> records = records(text, separator(text), maxLines);
    if (records.isEmpty()) {
      throw InvalidInputException.of(Gazetteer.FIELD, "places.file_empty", "The file is empty");
    }
    List<String> header = records.getFirst().stream().map(GazetteerCsv::column).toList();
    if (!header.contains("name")) {
      throw InvalidInputException.of(Gazetteer.FIELD, "places.columns",
          "The first line must name the columns: name, kind and either lon and lat (WGS84) or x and y"
              + " (SWEREF 99 TM, EPSG:3006); it has " + header);
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.getFirst().isBlank()) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < r.size(); c++) {
        values.put(header.get(c), r.get(c));
      }
      lines.add(new Line(i + 1, values));
    }
    return new Table(header, lines);
  }

  private static String column(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return SWEDISH.getOrDefault(n, n);
  }

  private static String decode(byte[] content) {
    int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(Gazetteer.FIELD, "places.encoding",
          "The file is not UTF-8 text; save it as \"CSV UTF-8\"");
    }
  }

  private static char separator(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
  }

  /** RFC 4180 records; stops with a refusal when the file has more than {@code maxLines} data lines. */
  private static List<List<String>> records(String text, char separator, int maxLines) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == separator) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        if (out.size() > maxLines + 1) {
          throw tooMany(maxLines);
        }
      } else {
        field.append(c);
      }
      i++;
    }
    if (!field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      out.add(record);
    }
    if (out.size() > maxLines + 1) {
      throw tooMany(maxLines);
    }
    return out;
  }

  static InvalidInputException tooMany(int max) {
    return InvalidInputException.of(Gazetteer.FIELD, "places.too_many",
        "The file holds more than " + max + " places; send one municipality's");
  }
}
