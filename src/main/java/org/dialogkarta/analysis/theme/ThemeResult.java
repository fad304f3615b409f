package org.dialogkarta.analysis.theme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themes of a selection, largest first, and the comments with no content word the themes
 * could use ({@code unclearPinIds}: empty, only stop words or numbers, or only words nobody else
 * used). {@code methodSv}/{@code methodEn} say how they were found and why k is what it is;
 * {@code silhouettes} holds the score of each k tried (empty when k was given or not chosen).
 */
public record ThemeResult(int k, int commentCount, String methodSv, String methodEn, Map<Integer, Double> silhouettes,
    List<Theme> themes, long[] unclearPinIds) {
  public ThemeResult {
    silhouettes = Collections.unmodifiableMap(new LinkedHashMap<>(silhouettes));
    themes = List.copyOf(themes);
  }
}
