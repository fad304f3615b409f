package org.dialogkarta.report.document;

import java.awt.Color;
import java.util.Arrays;

/**
 * The view categories as the report shows them: the Swedish label (as in messages.properties) and
 * the map colour, from the Okabe–Ito palette so that the categories stay apart for readers with
 * the common kinds of colour blindness.
 */
enum ViewCategory {
  SUGGESTION("suggestion", "Förslag", new Color(0x0072B2)),
  SAFETY_CONCERN("safety_concern", "Trygghet", new Color(0xD55E00)),
  SERVICE_GAP("service_gap", "Service som saknas", new Color(0xE69F00)),
  VALUED_PLACE("valued_place", "Värdefull plats", new Color(0x009E73)),
  OTHER("other", "Övrigt", new Color(0xCC79A7));

  final String code;
  final String label;
  final Color colour;

  ViewCategory(String code, String label, Color colour) {
    this.code = code;
    this.label = label;
    this.colour = colour;
  }

  /** The category of a code; an unknown or missing code counts as {@link #OTHER}. */
  static ViewCategory of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElse(OTHER);
  }
}
