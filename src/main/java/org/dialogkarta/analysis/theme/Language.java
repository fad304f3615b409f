package org.dialogkarta.analysis.theme;

import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * The language a comment is analysed in. Detected by counting the words of each language's stop
 * list in the text: comments are short, and a few "och", "det", "är" or "the", "is", "and" settle
 * it. A tie (also a text with no stop word at all) is Swedish, the language of the service.
 */
public enum Language {
  SWEDISH,
  ENGLISH;

  private static final CharArraySet SV = SwedishAnalyzer.getDefaultStopSet();
  private static final CharArraySet EN = EnglishAnalyzer.getDefaultStopSet();

  public static Language detect(String text) {
    int sv = 0;
    int en = 0;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (SV.contains(word)) {
        sv++;
      }
      if (EN.contains(word)) {
        en++;
      }
    }
    return en > sv ? ENGLISH : SWEDISH;
  }
}
