package org.dialogkarta.follow;

import java.util.List;
import java.util.Map;

/** The bodies the follow API reads: plain values, so a wrong one is reported by field. */
final class FollowRequests {

  private FollowRequests() {}

  /** Updates on a receipt's pins (the receipt comes in its header) or "send my receipt link again". */
  record AddressRequest(String email, String language) {}

  /**
   * An area subscription: exactly one of {@code dialogue} (id or slug), {@code area} (a GeoJSON
   * Polygon) and {@code neighbourhoodId}; {@code frequency} daily or weekly.
   */
  record SubscriptionRequest(String email, String language, String dialogue, Long neighbourhoodId, Area area,
      String frequency) {}

  /** A GeoJSON Polygon as sent: {@code coordinates} left untyped so that a bad one is a field fault. */
  record Area(String type, Object coordinates) {}

  record TokenRequest(String token) {}

  /** What a confirmation confirmed, for the page to say. */
  record Confirmed(String kind, String dialogue, String dialogueSlug, String neighbourhood, String frequency) {}

  static Map<String, Object> accepted() {
    return Map.of("status", "check_email", "detail",
        "If the address can receive messages from us, a message is on its way to it.");
  }

  static List<String> languages() {
    return List.of("sv", "en");
  }
}
