package org.dialogkarta.export;

import java.util.List;

/**
 * How a layer looks when it opens in QGIS (or any reader of SLD), decided once for the QML and
 * the SLD writers: pins by category in the pages' colours, hotspot cells by class, and for the
 * areas outlines that stay readable when they overlap (neighbourhoods dark grey, study areas a
 * dashed teal, clusters orange over a faint fill) instead of grey fills that stack into one block.
 *
 * @param attribute the field the classes are read from, or null for one symbol for all
 * @param classes the values and their colours (with attribute), or the one symbol's colour
 * @param fillOpacity 0 for an outline only
 */
record LayerLook(String attribute, List<CategoryStyle> classes, double fillOpacity, double outlineWidth,
    boolean dashed) {

  static final List<CategoryStyle> HOTSPOT_CLASSES = List.of(
      new CategoryStyle("hot_99", "Hot spot 99 %", 0xb2, 0x18, 0x2b),
      new CategoryStyle("hot_95", "Hot spot 95 %", 0xef, 0x8a, 0x62),
      new CategoryStyle("hot_90", "Hot spot 90 %", 0xfd, 0xdb, 0xc7),
      new CategoryStyle("not_significant", "Inte signifikant", 0xf7, 0xf7, 0xf7),
      new CategoryStyle("cold_90", "Cold spot 90 %", 0xd1, 0xe5, 0xf0),
      new CategoryStyle("cold_95", "Cold spot 95 %", 0x67, 0xa9, 0xcf),
      new CategoryStyle("cold_99", "Cold spot 99 %", 0x21, 0x66, 0xac));

  static final CategoryStyle NEIGHBOURHOOD = new CategoryStyle("neighbourhood", "Stadsdel", 0x44, 0x44, 0x44);
  static final CategoryStyle STUDY_AREA = new CategoryStyle("study_area", "Dialogens område", 0x0b, 0x72, 0x85);
  static final CategoryStyle CLUSTER = new CategoryStyle("cluster", "Kluster", 0xd9, 0x48, 0x0f);

  static LayerLook of(LayerSchema schema) {
    if (schema.indexOf("category") >= 0) {
      return new LayerLook("category", CategoryStyle.ALL, 1, 0.4, false);
    }
    if (schema.indexOf("class") >= 0) {
      return new LayerLook("class", HOTSPOT_CLASSES, 0.7, 0.2, false);
    }
    return switch (schema.name()) {
      case "neighbourhoods" -> single(NEIGHBOURHOOD, 0, 0.6, false);
      case "study_areas" -> single(STUDY_AREA, 0, 0.8, true);
      case "clusters" -> single(CLUSTER, 0.15, 0.6, false);
      default -> single(CategoryStyle.OTHER, 0.3, 0.5, false);
    };
  }

  private static LayerLook single(CategoryStyle colour, double fillOpacity, double outlineWidth, boolean dashed) {
    return new LayerLook(null, List.of(colour), fillOpacity, outlineWidth, dashed);
  }

  boolean categorized() {
    return attribute != null;
  }
}
