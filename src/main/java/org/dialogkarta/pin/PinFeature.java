package org.dialogkarta.pin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published pin as a GeoJSON Feature: only what the public may see, no profile answers. A null
 * {@code text} is a walk pin made without words, or, with {@code textDeleted}, a text deleted
 * under the retention rule. {@code properties.shape} is the drawn line or area of a pin that is
 * one (GeoJSON LineString or Polygon); {@code geometry} is then its representative point, where it
 * is clustered and counted.
 */
public record PinFeature(String type, long id, Map<String, Object> geometry, Properties properties) {

  public record Properties(
      long dialogueId,
      String category,
      List<String> subtags,
      String text,
      String status,
      int supports,
      Instant createdAt,
      List<Photo> photos,
      List<Reply> replies,
      boolean textDeleted,
      Map<String, Object> shape) {

    /** A pin without replies (one that nobody has answered yet, or a read that does not need them). */
    public Properties(long dialogueId, String category, List<String> subtags, String text, String status,
        int supports, Instant createdAt, List<Photo> photos) {
      this(dialogueId, category, subtags, text, status, supports, createdAt, photos, List.of(), false, null);
    }
  }

  /**
   * The municipality's public answer to a pin; one reply may answer many pins. {@code language} is
   * the language it is written in ({@code sv} for replies stored without one), which the pages
   * mark with {@code lang=}.
   */
  public record Reply(String text, Instant createdAt, String language) {

    public Reply {
      language = language == null ? "sv" : language;
    }
  }

  /**
   * A photo of a pin and where to fetch it (the photo package serves these paths). Public reads
   * link the public URLs; the receipt view links URLs under the receipt, which work before
   * moderation too.
   */
  public record Photo(long id, String url, String thumbnailUrl) {

    static Photo published(long id) {
      String url = "/api/v1/photos/" + id;
      return new Photo(id, url, url + "/thumbnail");
    }

    /** The submitter's own photo: fetched with the receipt token in the X-Receipt-Token header. */
    static Photo ofReceipt(long id) {
      String url = "/api/v1/receipt/photos/" + id;
      return new Photo(id, url, url + "/thumbnail");
    }
  }

  /** RFC 7946 FeatureCollection of pins. */
  public record Collection(String type, List<PinFeature> features) {
    static Collection of(List<PinFeature> features) {
      return new Collection("FeatureCollection", features);
    }
  }
}
