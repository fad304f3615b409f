package org.dialogkarta.export;

import java.util.List;

/** What a layer holds: its table name in files, geometry type and attribute columns in order. */
record LayerSchema(String name, String title, GeometryKind geometry, List<Field> fields) {

  LayerSchema {
    fields = List.copyOf(fields);
  }

  int indexOf(String field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(field)) {
        return i;
      }
    }
    return -1;
  }
}
