package org.dialogkarta.kernel;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message bundles, the one set of texts for the pages and for the sentences the server writes
 * itself (problem details, a hotspot analysis's scale): Swedish in messages.properties, the base,
 * and each other language of {@link Languages} in messages_{code}.properties. A key a language
 * lacks is the Swedish text, and {@link #fellBack} tells so, so that the page can mark it
 * {@code lang="sv"}. Placeholders are {@code {name}}, as in the pages' i18n.js.
 */
public final class Messages {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Map<String, Map<String, String>> OWN = new ConcurrentHashMap<>();
  private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
  private static final Map<String, String> NONE = Map.of();

  private Messages() {}

  /** Whether the language has a bundle of its own (Swedish always has). */
  public static boolean hasBundle(String lang) {
    return "sv".equals(lang) || !own(lang).isEmpty();
  }

  /** The keys the language's own bundle has (not those it takes from Swedish). */
  public static Map<String, String> own(String lang) {
    return OWN.computeIfAbsent(lang, Messages::load);
  }

  /** Whether the key, in this language, is the Swedish text for want of its own. */
  public static boolean fellBack(String lang, String key) {
    return !"sv".equals(lang) && !own(lang).containsKey(key) && own("sv").containsKey(key);
  }

  /** The text of a key in a language, Swedish when the language lacks it. */
  public static String get(String lang, String key) {
    String text = own(lang).get(key);
    if (text == null) {
      text = own("sv").get(key);
    }
    if (text == null) {
      throw new MissingResourceException("No message '" + key + "'", "messages", key);
    }
    return text;
  }

  /** The bundle of a language: its own texts over the Swedish ones. */
  public static ResourceBundle bundle(String lang) {
    return BUNDLES.computeIfAbsent(hasBundle(lang) ? lang : "sv", code -> {
      Map<String, String> merged = new HashMap<>(own("sv"));
      merged.putAll(own(code));
      return new MapBundle(Map.copyOf(merged));
    });
  }

  /** The message {@code key} with its placeholders filled from {@code vars}. */
  public static String text(String lang, String key, Map<String, ?> vars) {
    return fill(get(lang, key), vars);
  }

  /**
   * The plural form of {@code key} for the count {@code n} in a language: {@code key.<category>}
   * by the language's CLDR rules (ICU4J; Arabic has zero, one, two, few, many, other), else
   * {@code key.other}; {@code {n}} is the count.
   */
  public static String plural(String lang, String key, long n, Map<String, ?> vars) {
    Language language = Languages.of(lang);
    String category = com.ibm.icu.text.PluralRules.forLocale(ULocale.forLanguageTag(language.locale())).select(n);
    String chosen = key + "." + category;
    Map<String, Object> all = new HashMap<>(vars);
    all.putIfAbsent("n", n);
    boolean has = own(lang).containsKey(chosen) || own("sv").containsKey(chosen);
    return text(lang, has ? chosen : key + ".other", all);
  }

  /** The message in every language, for an answer that carries both: {@code {"sv": ..., "en": ...}}. */
  public static Map<String, String> inEveryLanguage(String key, Map<String, ?> vars) {
    return Map.of("sv", text("sv", key, vars), "en", text("en", key, vars));
  }

  /** The {@code {name}}s a text uses. */
  public static Set<String> placeholders(String text) {
    Set<String> names = new java.util.TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static String fill(String text, Map<String, ?> vars) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = vars.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, String> load(String lang) {
    if (!lang.matches("[a-z]{2,8}")) {
      return NONE;
    }
    String name = "sv".equals(lang) ? "messages.properties" : "messages_" + lang + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        return NONE;
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new HashMap<>();
      properties.forEach((k, v) -> out.put(k.toString(), v.toString()));
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class MapBundle extends ResourceBundle {
    private final Map<String, String> texts;

    MapBundle(Map<String, String> texts) {
      this.texts = texts;
    }

    @Override
    protected Object handleGetObject(String key) {
      return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
      return Collections.enumeration(texts.keySet());
    }

    @Override
    protected Set<String> handleKeySet() {
      return texts.keySet();
    }
  }
}
