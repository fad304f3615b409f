package org.dialogkarta.place;

import org.dialogkarta.kernel.Coded;

/**
 * What a gazetteer entry names, and so how close the map comes when a citizen picks it: an
 * address or a square fills the screen with the few houses around it (zoom 17), a village shows
 * the whole village (zoom 15).
 */
public enum PlaceKind implements Coded {
  ADDRESS("address", 17),
  STREET("street", 16),
  SQUARE("square", 17),
  LANDMARK("landmark", 17),
  DISTRICT("district", 15),
  VILLAGE("village", 15),
  LOCALITY("locality", 14);

  private final String code;
  private final int zoom;

  PlaceKind(String code, int zoom) {
    this.code = code;
    this.zoom = zoom;
  }

  @Override
  public String code() {
    return code;
  }

  public int zoom() {
    return zoom;
  }
}
