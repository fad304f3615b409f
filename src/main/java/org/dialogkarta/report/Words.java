package org.dialogkarta.report;

import java.util.Map;
import java.util.MissingResourceException;
import org.dialogkarta.kernel.Messages;

/**
 * The report's words, from the Swedish message bundle (the report is a Swedish document: PBL asks
 * the municipality to compile it, and its language is marked {@code sv}).
 */
final class Words {

  private Words() {}

  static String of(String key) {
    return of(key, Map.of());
  }

  static String of(String key, Map<String, ?> vars) {
    return Messages.text("sv", key, vars);
  }

  /**
   * The plural form of {@code key} for the count {@code n} ({@code key.one} or {@code key.other}),
   * {@code {n}} written the Swedish way (20 000).
   */
  static String plural(String key, long n, Map<String, ?> vars) {
    Map<String, Object> all = new java.util.HashMap<>(vars);
    all.put("n", java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("sv-SE")).format(n));
    return Messages.plural("sv", key, n, all);
  }

  /** A count with its noun, "1 synpunkt" or "3 synpunkter": {@code report.count.<what>}. */
  static String count(String what, long n) {
    return plural("report.count." + what, n, Map.of());
  }

  /** The label of a code under {@code prefix}, or the code itself when the bundle has none. */
  static String label(String prefix, String code) {
    if (code == null) {
      return null;
    }
    try {
      return Messages.bundle("sv").getString(prefix + code);
    } catch (MissingResourceException e) {
      return code;
    }
  }

  static String effect(Effect effect) {
    return effect == null ? null : of("report.effect." + effect.code());
  }

  /** The channel of a view: the pin's source, or the registered view's channel. */
  static String channel(ReportView v) {
    return v.isPin() ? label("report.channel.pin.", v.channel()) : label("views.channel.", v.channel());
  }
}
