package org.dialogkarta.follow;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code follow_subscription} as the mail writers need it (the area itself stays in SQL). */
record Subscription(long id, String address, String language, String kind, Long receiptId, Long dialogueId,
    Long neighbourhoodId, String frequency, String siteUrl) {

  static final String COLUMNS = "s.id, s.address, s.language, s.kind, s.receipt_id, s.dialogue_id, s.neighbourhood_id,"
      + " s.frequency, s.site_url";

  static Subscription read(ResultSet rs, int row) throws SQLException {
    return new Subscription(rs.getLong("id"), rs.getString("address"), rs.getString("language"), rs.getString("kind"),
        rs.getObject("receipt_id", Long.class), rs.getObject("dialogue_id", Long.class),
        rs.getObject("neighbourhood_id", Long.class), rs.getString("frequency"), rs.getString("site_url"));
  }
}
