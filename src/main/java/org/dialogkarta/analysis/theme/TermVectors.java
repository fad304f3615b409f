package org.dialogkarta.analysis.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TF-IDF vectors of analysed comments over a vocabulary of stems that occur in at least
 * {@code minDocuments} comments (and, in a selection of 20 or more, in at most half of them), the
 * most frequent {@code maxTerms} kept. Weight: (1 + ln tf) · (ln((1 + n) / (1 + df)) + 1) (a term
 * present only as half a compound: tf itself), each vector scaled to length 1.
 *
 * <p>Swedish writes compounds as one word, and the stemmer leaves them whole: "gatubelysningen"
 * and "belysningen" would share nothing. So a stem that ends with (or begins with) a stem of the
 * vocabulary, give or take an ending of up to three letters, also counts half for that stem:
 * "gatubelysning" for "belysning", "busshållplats" for "hållplat" and "buss", "lampan" for
 * "lamp". Only stems that people also wrote on their own are used as parts, so the split comes
 * from the selection, not from a dictionary.
 *
 * <p>For the same reason each stem also brings its three-letter sequences from the start and
 * the middle (not the ending: "-ning" and "-arna" say nothing about a topic), at half weight and
 * marked with {@value #GRAM_MARK}: "plogbilen", "plogkanten" and "plogas" meet in "<pl", "plo",
 * "log". They place comments; they are never shown as a theme's words.
 */
public record TermVectors(List<String> terms, List<String> words, SparseVector[] vectors) {

  static final double PART_WEIGHT = 0.5;
  static final double GRAM_WEIGHT = 0.5;
  static final int GRAM = 3;
  /** Marks a term that is a letter sequence, not a word. */
  public static final String GRAM_MARK = "#";

  /** The vectors of {@code docs}; {@code words} holds, per term, the form people wrote most often. */
  public static TermVectors of(List<TextAnalyzer.Analyzed> docs, int minDocuments, int maxTerms) {
    int n = docs.size();
    Map<String, Integer> stemDf = new HashMap<>();
    for (TextAnalyzer.Analyzed doc : docs) {
      for (String stem : new HashSet<>(doc.stems())) {
        stemDf.merge(stem, 1, Integer::sum);
      }
    }
    Set<String> bases = new HashSet<>();
    stemDf.forEach((stem, df) -> {
      if (df >= minDocuments && stem.length() >= 3) {
        bases.add(stem);
      }
    });
    Map<String, List<String>> partsOf = new HashMap<>();
    List<Map<String, Double>> counts = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    for (TextAnalyzer.Analyzed doc : docs) {
      Map<String, Double> tf = new HashMap<>();
      for (String stem : doc.stems()) {
        tf.merge(stem, 1.0, Double::sum);
        for (String part : partsOf.computeIfAbsent(stem, s -> parts(s, bases))) {
          tf.merge(part, PART_WEIGHT, Double::sum);
        }
        if (GRAM_WEIGHT > 0) {
          String padded = "<" + stem;
          for (int g = 0; g + GRAM <= padded.length(); g++) {
            tf.merge(GRAM_MARK + padded.substring(g, g + GRAM), GRAM_WEIGHT, Double::sum);
          }
        }
      }
      counts.add(tf);
      for (String term : tf.keySet()) {
        df.merge(term, 1, Integer::sum);
      }
    }
    int maxDf = n >= 20 ? n / 2 : n;
    List<String> terms = df.entrySet().stream()
        .filter(e -> e.getValue() >= minDocuments && e.getValue() <= maxDf)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(maxTerms)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
    }
    double[] idf = new double[terms.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Math.log((1.0 + n) / (1.0 + df.get(terms.get(i)))) + 1;
    }
    SparseVector[] vectors = new SparseVector[n];
    for (int d = 0; d < n; d++) {
      TreeMap<Integer, Double> weights = new TreeMap<>();
      counts.get(d).forEach((term, tf) -> {
        Integer i = index.get(term);
        if (i != null) {
          weights.put(i, (tf >= 1 ? 1 + Math.log(tf) : tf) * idf[i]);
        }
      });
      vectors[d] = normalised(weights);
    }
    return new TermVectors(terms, surfaceWords(docs, index, terms), vectors);
  }

  /** Stems of the vocabulary inside a compound: its tail (the longest) and the head before it. */
  static List<String> parts(String stem, Set<String> bases) {
    int len = stem.length();
    if (len < 5) {
      return List.of();
    }
    for (int p = 0; p <= len - 4; p++) {
      for (int extra = p == 0 ? 1 : 0; extra <= 3 && len - extra - p >= 4; extra++) {
        String tail = stem.substring(p, len - extra);
        if (bases.contains(tail)) {
          String head = p >= 3 ? head(stem.substring(0, p), bases) : null;
          return head == null ? List.of(tail) : List.of(tail, head);
        }
      }
    }
    return List.of();
  }

  /** The head of a compound, with or without its linking letter ("gatu-", "trafik-s-"). */
  private static String head(String head, Set<String> bases) {
    if (bases.contains(head)) {
      return head;
    }
    char last = head.charAt(head.length() - 1);
    if ((last == 's' || last == 'u' || last == 'a' || last == 'e') && head.length() > 3
        && bases.contains(head.substring(0, head.length() - 1))) {
      return head.substring(0, head.length() - 1);
    }
    return null;
  }

  private static SparseVector normalised(TreeMap<Integer, Double> weights) {
    double norm = 0;
    for (double w : weights.values()) {
      norm += w * w;
    }
    if (norm == 0) {
      return SparseVector.EMPTY;
    }
    norm = Math.sqrt(norm);
    int[] indexes = new int[weights.size()];
    float[] values = new float[weights.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      indexes[i] = e.getKey();
      values[i++] = (float) (e.getValue() / norm);
    }
    return new SparseVector(indexes, values);
  }

  /** Per term, the word people wrote most often for it (ties: alphabetical); the term if never written alone. */
  private static List<String> surfaceWords(List<TextAnalyzer.Analyzed> docs, Map<String, Integer> index,
      List<String> terms) {
    int size = terms.size();
    List<Map<String, Integer>> seen = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      seen.add(new HashMap<>());
    }
    for (TextAnalyzer.Analyzed doc : docs) {
      for (int w = 0; w < doc.stems().size(); w++) {
        Integer i = index.get(doc.stems().get(w));
        if (i != null) {
          seen.get(i).merge(doc.words().get(w), 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      words.add(seen.get(i).entrySet().stream()
          .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(terms.get(i)));
    }
    return List.copyOf(words);
  }
}
