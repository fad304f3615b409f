package org.dialogkarta.analysis.theme;

import java.util.List;

/**
 * The themes of a selection, largest first, and the comments with no content word the themes
 * could use ({@code unclearPinIds}: empty, only stop words or numbers, or only words nobody else
 * used). {@code methodSv}/{@code methodEn} say how they were found and why k is what it is.
 */
public record ThemeResult(int k, int commentCount, String methodSv, String methodEn, List<Theme> themes,
    long[] unclearPinIds) {
  public ThemeResult {
    themes = List.copyOf(themes);
  }
}
