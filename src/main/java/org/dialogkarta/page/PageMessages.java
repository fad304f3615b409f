package org.dialogkarta.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages a page needs, and no others: a citizen's phone does not load the staff texts.
 * Inside the page come the keys its scripts can use (its static texts are rendered already); a
 * switch of language also needs the keys the page's template, the layout and the shared fragments
 * name (data-i18n),
 * to refill them. The scripts' keys are found by reading the page's module
 * script and every module it imports for string literals: a literal that is a key, or is the
 * start of keys ({@code 'category'} in {@code label('category', code)}, {@code 'staff.error.'} in
 * {@code `staff.error.${code}`}, {@code 'x.count'} in {@code tn('x.count', n)}), brings them along.
 * Read once per page from the files in the jar; the result is the same on every node.
 */
@Component("pageMessages")
public class PageMessages {

  private static final Pattern IMPORT = Pattern.compile("['\"]\\./([\\w-]+\\.js)['\"]");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
  private static final Pattern TEMPLATE_ATTR_KEYS = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
  private static final Pattern LITERAL = Pattern.compile("(['\"`])([A-Za-z][\\w.-]*)\\1");
  private static final Pattern TEMPLATE_HEAD = Pattern.compile("`([A-Za-z][\\w.-]*\\.)\\$\\{");
  private static final Pattern LABEL_PREFIX = Pattern.compile("\\blabel\\(\\s*['\"]([\\w.]+)['\"]");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record PageKeys(Set<String> scripts, Set<String> all) {}

  private final Map<String, PageKeys> keysByPage = new ConcurrentHashMap<>();
  private final Map<String, String> jsonByPageAndLanguage = new ConcurrentHashMap<>();

  /** The messages of the page's scripts in a language, as JSON safe inside a script element. */
  public String json(Page page, String lang) {
    return jsonByPageAndLanguage.computeIfAbsent(page.name() + "|" + lang, k -> {
      String json = JSON.writeValueAsString(select(keysOf(page).scripts(), lang));
      return json.replace("<", "\\u003c"); // '<' only ever occurs inside strings here
    });
  }

  /** All the page's messages in a language (what a switch of language needs), sorted by key. */
  public Map<String, String> messages(Page page, String lang) {
    return select(keysOf(page).all(), lang);
  }

  /** The keys of every text the page can show (its template's, the layout's, its scripts'). */
  public Set<String> keys(Page page) {
    return keysOf(page).all();
  }

  /** The plural categories beyond Swedish's one and other that a language may add to a key. */
  static final java.util.List<String> PLURAL_CATEGORIES = java.util.List.of("zero", "one", "two", "few", "many");

  /**
   * The texts of the keys in a language, with the plural forms the language has beyond Swedish's
   * (Arabic's {@code .zero}, {@code .two}, ...) and, under {@code @sv}, the keys (space-separated)
   * whose text is Swedish for want of a translation, which the page marks {@code lang="sv"}.
   */
  private static Map<String, String> select(Set<String> keys, String lang) {
    ResourceBundle bundle = Messages.bundle(lang);
    Map<String, String> own = Messages.own(lang);
    Map<String, String> out = new TreeMap<>();
    Set<String> swedish = new TreeSet<>();
    for (String key : keys) {
      out.put(key, bundle.getString(key));
      if (Languages.of(lang).marksSwedish() && Messages.fellBack(lang, key)) {
        swedish.add(key);
      }
      if (key.endsWith(".other")) {
        String stem = key.substring(0, key.length() - "other".length());
        for (String category : PLURAL_CATEGORIES) {
          String form = own.get(stem + category);
          if (form != null) {
            out.put(stem + category, form);
          }
        }
      }
    }
    if (!swedish.isEmpty()) {
      out.put(FALLBACK_KEY, String.join(" ", swedish));
    }
    return out;
  }

  /** The entry listing the keys that are Swedish in another language; no message key starts with @. */
  public static final String FALLBACK_KEY = "@sv";

  private PageKeys keysOf(Page page) {
    return keysByPage.computeIfAbsent(page.name(), name -> findKeys(page));
  }

  private static PageKeys findKeys(Page page) {
    Set<String> literals = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    Set<String> templateKeys = new HashSet<>(Set.of(page.titleKey()));
    readModules(page.module() + ".js", literals, prefixes);
    for (String template : new String[] {"layout", "fragments", page.name()}) {
      String html = read("templates/" + template + ".html");
      Matcher key = TEMPLATE_KEY.matcher(html);
      while (key.find()) {
        templateKeys.add(key.group(1).strip());
      }
      Matcher attrs = TEMPLATE_ATTR_KEYS.matcher(html);
      while (attrs.find()) {
        for (String pair : attrs.group(1).split(";")) {
          templateKeys.add(pair.substring(pair.indexOf('=') + 1).strip());
        }
      }
    }
    Set<String> scripts = keysFor(literals, prefixes);
    Set<String> all = new TreeSet<>(scripts);
    templateKeys.retainAll(Messages.bundle("sv").keySet()); // not the examples in layout's comment
    all.addAll(templateKeys);
    return new PageKeys(scripts, Set.copyOf(all));
  }

  private static Set<String> keysFor(Set<String> literals, Set<String> prefixes) {
    for (String literal : literals) {
      if (literal.contains(".")) {
        prefixes.add(literal.endsWith(".") ? literal : literal + ".");
      }
    }
    Set<String> keys = new TreeSet<>();
    for (String key : Messages.bundle("sv").keySet()) {
      if (literals.contains(key) || hasPrefixIn(key, prefixes)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static boolean hasPrefixIn(String key, Set<String> prefixes) {
    for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
      if (prefixes.contains(key.substring(0, dot + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Reads a module and, once each, every module it imports. */
  private static void readModules(String entry, Set<String> literals, Set<String> prefixes) {
    Set<String> seen = new HashSet<>();
    Deque<String> toRead = new ArrayDeque<>();
    toRead.add(entry);
    while (!toRead.isEmpty()) {
      String module = toRead.pop();
      if (!seen.add(module)) {
        continue;
      }
      String source = read("static/js/" + module);
      Matcher imports = IMPORT.matcher(source);
      while (imports.find()) {
        toRead.add(imports.group(1));
      }
      Matcher literal = LITERAL.matcher(source);
      while (literal.find()) {
        literals.add(literal.group(2));
      }
      Matcher head = TEMPLATE_HEAD.matcher(source);
      while (head.find()) {
        prefixes.add(head.group(1));
      }
      Matcher label = LABEL_PREFIX.matcher(source);
      while (label.find()) {
        prefixes.add(label.group(1) + ".");
      }
    }
  }

  private static String read(String path) {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      throw new IllegalArgumentException("No page file " + path);
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
