package org.dialogkarta.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dBASE allows field names of at most ten characters. The mapping, the same for every export of
 * a layer: in the layer's field order, a name of ten characters or fewer stays as it is; a longer
 * one is cut to its first ten; if that name is already taken, it ends in {@code _2}, {@code _3},
 * ... instead, cut short enough to stay within ten. The zip carries the mapping as a text file.
 */
final class ShapefileFields {

  static final int MAX = 10;

  private ShapefileFields() {}

  static List<String> names(List<Field> fields) {
    Set<String> taken = new HashSet<>();
    List<String> out = new ArrayList<>(fields.size());
    for (Field f : fields) {
      String name = f.name().length() <= MAX ? f.name() : f.name().substring(0, MAX);
      for (int n = 2; taken.contains(name); n++) {
        String suffix = "_" + n;
        name = f.name().substring(0, Math.min(f.name().length(), MAX - suffix.length())) + suffix;
      }
      taken.add(name);
      out.add(name);
    }
    return out;
  }

  /** The mapping as shipped in the zip: one line per field, "shapefile name<TAB>full name". */
  static String table(List<Field> fields) {
    List<String> names = names(fields);
    StringBuilder b = new StringBuilder("# Shapefile field names are cut to 10 characters; full names:\r\n");
    for (int i = 0; i < fields.size(); i++) {
      b.append(names.get(i)).append('\t').append(fields.get(i).name()).append("\r\n");
    }
    return b.toString();
  }
}
