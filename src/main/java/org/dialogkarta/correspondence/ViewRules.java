package org.dialogkarta.correspondence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.pin.PinText;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Point;

/**
 * Checks a {@link ViewDraft} and turns it into a {@link CheckedView}, or refuses it with every
 * fault at once. The text follows the pins' rules ({@link PinText}). The date may lie after the
 * dialogue's period (a late letter keeps its own arrival date) but not after today. The place need
 * not lie in the study area: a letter may well be about the road just outside it.
 */
final class ViewRules {

  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final int NAME_MAX = 200;
  static final int ADDRESS_MAX = 500;
  static final int EMAIL_MAX = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private ViewRules() {}

  static CheckedView check(ViewDraft d, LocalDate today) {
    List<FieldViolation> faults = new ArrayList<>();
    LocalDate receivedOn = receivedOn(d.receivedOn(), today, faults);
    Channel channel = code(Channel.class, d.channel(), "channel", faults);
    SenderType senderType = code(SenderType.class, d.senderType(), "senderType", faults);
    String text = text(d.text(), faults);
    Point location = location(d.location(), faults);
    ViewDraft.Sender sender = sender(d.sender(), faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new CheckedView(receivedOn, channel, senderType, text, location, sender);
  }

  private static LocalDate receivedOn(String raw, LocalDate today, List<FieldViolation> faults) {
    if (raw == null || raw.isBlank()) {
      faults.add(FieldViolation.of("receivedOn", "receivedOn.missing", "The date the view arrived is required"));
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      faults.add(FieldViolation.of("receivedOn", "receivedOn.malformed",
          "receivedOn is a date in ISO 8601, e.g. 2026-10-14"));
      return null;
    }
    if (day.isBefore(EARLIEST)) {
      // Also keeps years the database cannot store (ISO 8601 allows -5000) from reaching it.
      faults.add(FieldViolation.of("receivedOn", "receivedOn.too_early", "receivedOn is before " + EARLIEST));
      return null;
    }
    if (day.isAfter(today)) {
      faults.add(FieldViolation.of("receivedOn", "receivedOn.future", "receivedOn is in the future"));
      return null;
    }
    return day;
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String raw, String field,
      List<FieldViolation> faults) {
    if (raw == null || raw.isBlank()) {
      faults.add(FieldViolation.of(field, field + ".missing", field + " is required; one of " + Coded.codesOf(type)));
      return null;
    }
    Optional<E> value = Coded.fromCode(type, raw);
    if (value.isEmpty()) {
      faults.add(FieldViolation.of(field, field + ".unknown",
          "Unknown " + field + " '" + raw + "'; one of " + Coded.codesOf(type)));
    }
    return value.orElse(null);
  }

  private static String text(String raw, List<FieldViolation> faults) {
    String text = PinText.clean(raw);
    if (text == null) {
      faults.add(FieldViolation.of("text", "text.blank", "Write the view: the text is empty"));
    } else if (PinText.hasLoneSurrogate(text)) {
      faults.add(FieldViolation.of("text", "text.invalid", "The text contains invalid characters"));
    } else if (PinText.length(text) > PinText.MAX_LENGTH) {
      faults.add(FieldViolation.of("text", "text.too_long",
          "The text is " + PinText.length(text) + " characters; at most " + PinText.MAX_LENGTH
              + " (attach the whole letter as a file)"));
    } else {
      return text;
    }
    return null;
  }

  private static Point location(ViewDraft.Location loc, List<FieldViolation> faults) {
    if (loc == null) {
      return null;
    }
    if (!"Point".equals(loc.type())) {
      faults.add(FieldViolation.of("location.type", "location.not_point", "The place must be a GeoJSON Point"));
      return null;
    }
    if (!(loc.coordinates() instanceof List<?> c) || c.size() != 2
        || !(c.get(0) instanceof Number lonNumber) || !(c.get(1) instanceof Number latNumber)) {
      faults.add(FieldViolation.of("location.coordinates", "location.malformed",
          "Coordinates must be [longitude, latitude]"));
      return null;
    }
    double lon = lonNumber.doubleValue();
    double lat = latNumber.doubleValue();
    if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      faults.add(FieldViolation.of("location.coordinates", "location.out_of_range",
          "Longitude must be within -180..180 and latitude within -90..90 (WGS84, [lon, lat])"));
      return null;
    }
    return Wgs84.point(lon, lat);
  }

  /** The sender with blank parts as null, or null when nothing is left. */
  private static ViewDraft.Sender sender(ViewDraft.Sender s, List<FieldViolation> faults) {
    if (s == null) {
      return null;
    }
    String name = line(s.name(), "sender.name", NAME_MAX, faults);
    String address = PinText.clean(s.postalAddress());
    if (address != null && (PinText.hasLoneSurrogate(address) || PinText.length(address) > ADDRESS_MAX)) {
      faults.add(FieldViolation.of("sender.postalAddress", "sender.too_long",
          "The postal address is at most " + ADDRESS_MAX + " characters"));
      address = null;
    }
    String email = line(s.email(), "sender.email", EMAIL_MAX, faults);
    if (email != null && !EMAIL.matcher(email).matches()) {
      faults.add(FieldViolation.of("sender.email", "sender.email_invalid", "Not an e-mail address"));
      email = null;
    }
    String organisation = line(s.organisation(), "sender.organisation", NAME_MAX, faults);
    if (name == null && address == null && email == null && organisation == null) {
      return null;
    }
    return new ViewDraft.Sender(name, address, email, organisation);
  }

  private static String line(String raw, String field, int max, List<FieldViolation> faults) {
    String value = PinText.clean(raw);
    if (value == null) {
      return null;
    }
    if (PinText.hasLoneSurrogate(value) || value.contains("\n") || PinText.length(value) > max) {
      faults.add(FieldViolation.of(field, "sender.too_long", "One line of at most " + max + " characters"));
      return null;
    }
    return value;
  }
}
