package org.dialogkarta.page;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.springframework.stereotype.Component;

/**
 * How complete each language is: per language of kernel.Languages the keys its bundle lacks for
 * the citizen pages (start, dialogue, receipt, walk mode) and for the staff pages, as
 * page.PageMessages finds the pages' keys; the plural forms its CLDR rules (ICU4J) want and the
 * bundle lacks; and the texts whose {placeholders} differ from the Swedish ones. What it lacks is
 * shown in Swedish, marked lang="sv".
 */
@Component
public class LanguageReport {

  /** The pages a citizen sees. */
  public static final List<String> CITIZEN_PAGES = List.of("index", "dialogue", "receipt", "walk", "follow", "accessibility");

  /** One language's state. */
  public record Entry(String code, String nativeName, String htmlLang, String dir, String status,
      boolean offered, boolean staff, int citizenKeys, List<String> missingCitizen, int staffKeys,
      List<String> missingStaff, List<String> missingPlurals, List<String> placeholderMismatches) {}

  private final PageMessages pageMessages;

  LanguageReport(PageMessages pageMessages) {
    this.pageMessages = pageMessages;
  }

  /** The keys of the citizen pages. */
  public Set<String> citizenKeys() {
    Set<String> keys = new TreeSet<>();
    for (String name : CITIZEN_PAGES) {
      keys.addAll(pageMessages.keys(Pages.named(name).orElseThrow()));
    }
    return keys;
  }

  /** The keys of the staff pages (and the sign-in), without those the citizen pages share. */
  public Set<String> staffKeys() {
    Set<String> keys = new TreeSet<>();
    for (Page page : Pages.ALL) {
      if (page.shell() == Page.Shell.STAFF || page.shell() == Page.Shell.LOGIN) {
        keys.addAll(pageMessages.keys(page));
      }
    }
    return keys;
  }

  public List<Entry> entries() {
    Set<String> citizen = citizenKeys();
    Set<String> staff = staffKeys();
    List<Entry> out = new ArrayList<>();
    for (Language language : Languages.ALL) {
      String code = language.code();
      out.add(new Entry(code, language.nativeName(), language.htmlLang(), language.dir(),
          language.status().code(), Messages.hasBundle(code), language.staff(),
          citizen.size(), missing(code, citizen), staff.size(), missing(code, staff),
          missingPlurals(language, citizen), placeholderMismatches(code)));
    }
    return out;
  }

  /** Keys the language's own bundle lacks (none for Swedish, the base). */
  public static List<String> missing(String code, Set<String> keys) {
    if ("sv".equals(code)) {
      return List.of();
    }
    Map<String, String> own = Messages.own(code);
    return keys.stream().filter(k -> !own.containsKey(k)).toList();
  }

  /**
   * For every plural key among {@code keys} ({@code X.other} where Swedish has {@code X.one}), the forms {@code X.<category>} the
   * language's plural rules have and its bundle lacks. Lättläst follows Swedish.
   */
  public static List<String> missingPlurals(Language language, Set<String> keys) {
    if (!Messages.hasBundle(language.code())) {
      return List.of();
    }
    return missingPlurals(language, Messages.own(language.code()), keys);
  }

  /** The same for the texts {@code own} (a bundle being written). */
  static List<String> missingPlurals(Language language, Map<String, String> own, Set<String> keys) {
    Set<String> categories = PluralRules.forLocale(ULocale.forLanguageTag(language.locale())).getKeywords();
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      String stem = key.substring(0, key.length() - "other".length());
      if (key.endsWith(".other") && Messages.own("sv").containsKey(stem + "one")) {
        for (String category : new TreeSet<>(categories)) {
          if (!own.containsKey(stem + category)) {
            out.add(stem + category);
          }
        }
      }
    }
    return out;
  }

  /** Keys whose text in the language has other {placeholders} than the Swedish text. */
  public static List<String> placeholderMismatches(String code) {
    Map<String, String> swedish = Messages.own("sv");
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(Messages.own(code)).entrySet()) {
      String key = e.getKey();
      String base = swedish.get(key);
      if (base == null) {
        String stem = key.substring(0, key.lastIndexOf('.') + 1);
        base = swedish.get(stem + "other"); // Arabic's extra plural forms against Swedish's "other"
      }
      if (base != null && !Messages.placeholders(e.getValue()).equals(Messages.placeholders(base))
          && !pluralWithoutCount(key, e.getValue(), base)) {
        out.add(key);
      }
    }
    return out;
  }

  /** A plural form may leave out {n} ("one item", Arabic's "two items") but nothing else. */
  private static boolean pluralWithoutCount(String key, String text, String base) {
    if (!key.matches(".*\\.(zero|one|two|few|many|other)$")) {
      return false;
    }
    Set<String> expected = new TreeSet<>(Messages.placeholders(base));
    expected.remove("n");
    Set<String> actual = new TreeSet<>(Messages.placeholders(text));
    actual.remove("n");
    return expected.equals(actual);
  }
}
