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
