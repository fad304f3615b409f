package org.dialogkarta.analysis.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns a comment into its content words: Lucene's Swedish or English analyzer (standard
 * tokenizer, lower case, the language's stop words and a few words of asking and complaining, the
 * Snowball stemmer) chosen per comment by
 * {@link Language#detect}. Each word keeps the form it was written in, so that a theme can be
 * labelled with a word people used ("lamporna") rather than a stem ("lamp"). Numbers and
 * one-letter words carry no theme and are dropped. Thread-safe (Lucene reuses a token stream per
 * thread).
 */
public final class TextAnalyzer {

  /**
   * Words that nearly every citizen comment uses to ask or complain, whatever it is about; on
   * top of Lucene's stop lists they would otherwise make "borde", "behövs" and "saknas" a theme.
   */
  static final List<String> SWEDISH_REQUEST_WORDS = List.of("behövs", "behöver", "behov", "borde", "bör",
      "saknas", "saknar", "önskas", "önskar", "önskemål", "fler", "flera", "mer", "mera", "bra", "bättre",
      "dålig", "dåligt", "dåliga", "vore", "finns", "fanns", "kommer", "tack", "snälla", "alltid", "aldrig",
      "hela", "tiden", "gärna", "många", "mycket", "väldigt", "jätte", "helt", "idag", "nu", "länge", "sedan",
      "vill", "måste", "får", "fick", "blir", "blev", "göra", "gör", "känns", "tycker", "kommunen", "området",
      "här", "där", "också", "även", "bara", "inget", "ingen", "inga", "annars", "istället", "alla", "folk",
      "man", "nog", "lite", "vet", "kanske", "t.ex", "osv", "typ", "hålla", "ser", "ut", "går", "gå", "ska",
      "skulle", "fortfarande", "verkligen", "igen", "ofta", "tid", "finnas", "problem");
  static final List<String> ENGLISH_REQUEST_WORDS = List.of("need", "needs", "needed", "should", "please",
      "more", "better", "would", "could", "always", "never", "really", "very", "lot", "many", "here", "there",
      "also", "just", "get", "make", "people", "area", "council", "municipality", "problem");

  private static final TextAnalyzer INSTANCE = new TextAnalyzer();

  private final Analyzer swedish = new SwedishAnalyzer(stopWords(SwedishAnalyzer.getDefaultStopSet(), SWEDISH_REQUEST_WORDS));
  private final Analyzer english = new EnglishAnalyzer(stopWords(EnglishAnalyzer.getDefaultStopSet(), ENGLISH_REQUEST_WORDS));

  private static CharArraySet stopWords(CharArraySet base, List<String> more) {
    CharArraySet all = new CharArraySet(base.size() + more.size(), true);
    all.addAll(base);
    all.addAll(more);
    return CharArraySet.unmodifiableSet(all);
  }

  private TextAnalyzer() {}

  public static TextAnalyzer get() {
    return INSTANCE;
  }

  /** A comment's content words in order: the stem and the word as written (lower case). */
  public record Analyzed(Language language, List<String> stems, List<String> words) {
    public Analyzed {
      stems = List.copyOf(stems);
      words = List.copyOf(words);
    }

    public boolean isEmpty() {
      return stems.isEmpty();
    }
  }

  public Analyzed analyze(String text) {
    Language language = Language.detect(text);
    Analyzer analyzer = language == Language.ENGLISH ? english : swedish;
    List<String> stems = new ArrayList<>();
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String stem = term.toString();
        if (stem.length() < 2 || !hasLetter(stem)) {
          continue;
        }
        stems.add(stem);
        words.add(text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return new Analyzed(language, stems, words);
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
