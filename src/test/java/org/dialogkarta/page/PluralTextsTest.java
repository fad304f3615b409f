package org.dialogkarta.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.Messages;
import org.junit.jupiter.api.Test;

/**
 * A count read aloud agrees with its noun: no Swedish text puts a number placeholder directly
 * before a plural noun ("{n} synpunkter") unless the key has plural forms ({@code key.one} and
 * {@code key.other}) and the placeholder is the count that chooses the form ({@code {n}}, or the
 * one count there is), so
 * that nobody reads "1 synpunkter". Several counts in one sentence are each a plural phrase of
 * their own (e.g. {@code analysis.count.pins}) filled into the sentence.
 */
class PluralTextsTest {

  /** Swedish plural noun forms (and the plural adjectives before them) a count may stand before. */
  static final Set<String> PLURAL_NOUNS = Set.of("synpunkter", "synpunkterna", "punkter", "stadsdelar", "områden",
      "platser", "foton", "personer", "objekt", "kluster", "ämnen", "teman", "texter", "meddelanden", "ärenden",
      "gånger", "sekunder", "bedömningar", "kommentarer", "hexagoner", "sexhörningar", "rutor", "klasser",
      "åldersgrupper", "kontaktadresser", "svar", "stopp", "filter", "nya", "ritade", "orimliga", "statistiskt",
      "sammanhängande", "heta", "kalla");

  /** Placeholders that are fixed limits of the code, always more than one (a plural noun is right). */
  static final Set<String> FIXED_LIMITS = Set.of("max", "min", "maxCells", "window");

  private static final Pattern COUNT_BEFORE_WORD = Pattern.compile("\\{(\\w+)}\\s+([\\p{L}-]+)");
  private static final Pattern FORM = Pattern.compile("\\.(zero|one|two|few|many)$");

  @Test
  void noSwedishCountStandsBeforeAPluralNounWithoutPluralForms() {
    assertThat(offenders(Messages.own("sv"))).isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    assertThat(offenders(Map.ofEntries(Map.entry("a", "Karta med {n} synpunkter."),
        Map.entry("b.one", "1 synpunkt"), Map.entry("b.other", "{n} synpunkter"), Map.entry("c.other", "{n} platser"),
        Map.entry("h.one", "{shown} av 1 synpunkt"), Map.entry("h.other", "{shown} av {total} synpunkter"),
        Map.entry("d.one", "1 svar i {total} ämne"), Map.entry("d.other", "{n} svar i {total} ämnen"),
        Map.entry("e", "Högst {max} synpunkter"), Map.entry("f", "Stopp {n} är sparat"),
        Map.entry("g", "{n} av {total} objekt"))))
        .containsExactlyInAnyOrder("a: {n} synpunkter", "c.other: {n} platser", "d.other: {total} ämnen",
            "g: {total} objekt");
  }

  static List<String> offenders(Map<String, String> bundle) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(bundle).entrySet()) {
      String key = e.getKey();
      if (FORM.matcher(key).find()) {
        continue; // the .one text is checked through its .other
      }
      boolean plural = key.endsWith(".other")
          && bundle.containsKey(key.substring(0, key.length() - "other".length()) + "one");
      List<String[]> counts = new ArrayList<>(); // {placeholder, the text found}
      Matcher m = COUNT_BEFORE_WORD.matcher(e.getValue());
      while (m.find()) {
        if (PLURAL_NOUNS.contains(m.group(2)) && !FIXED_LIMITS.contains(m.group(1))) {
          counts.add(new String[] {m.group(1), m.group()});
        }
      }
      // In a key with plural forms one count chooses the form: {n}, else the first there is.
      String chooser = !plural || counts.isEmpty() ? null
          : counts.stream().anyMatch(c -> c[0].equals("n")) ? "n" : counts.getFirst()[0];
      for (String[] c : counts) {
        if (!c[0].equals(chooser)) {
          out.add(key + ": " + c[1]);
        }
      }
    }
    return out;
  }
}
