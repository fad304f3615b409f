package org.dialogkarta.pin;

/**
 * The one rule for which pins may leave the system on a public path (map, API, exports, OGC API,
 * analysis): published by moderation and not merged into another pin. Every SQL that reads pins
 * for such a path takes its condition from here, so the rule cannot drift between copies.
 */
public final class PublicPins {

  private PublicPins() {}

  /** The SQL condition on the pin table under {@code alias} (without WHERE). */
  public static String condition(String alias) {
    if (!alias.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table alias: " + alias);
    }
    return alias + ".moderation_state = 'published' AND " + alias + ".merged_into IS NULL";
  }
}
