package org.dialogkarta.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message bundles (Swedish in messages.properties, English in messages_en.properties), the one
 * set of texts for the pages and for the few sentences the server writes itself (a hotspot
 * analysis's scale). Placeholders are {@code {name}}, as in the pages' i18n.js.
 */
public final class Messages {

  public static final List<String> LANGUAGES = List.of("sv", "en");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private Messages() {}

  /** The bundle of a language; Swedish is the base, English overrides it key by key. */
  public static ResourceBundle bundle(String lang) {
    return ResourceBundle.getBundle("messages", "sv".equals(lang) ? Locale.ROOT : Locale.forLanguageTag(lang),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The message {@code key} with its placeholders filled from {@code vars}. */
  public static String text(String lang, String key, Map<String, ?> vars) {
    Matcher m = PLACEHOLDER.matcher(bundle(lang).getString(key));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = vars.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
    }
    return m.appendTail(out).toString();
  }

  /** The message in every language, for an answer that carries both: {@code {"sv": ..., "en": ...}}. */
  public static Map<String, String> inEveryLanguage(String key, Map<String, ?> vars) {
    return Map.of("sv", text("sv", key, vars), "en", text("en", key, vars));
  }
}
