package org.dialogkarta.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.dialogkarta.kernel.Coded;

/**
 * A dialogue as another answer names it: enough to link it ({@code id}, {@code slug}), to show it
 * ({@code title}) and to say what it does with what arrives ({@code status}: only an ongoing
 * dialogue takes pins; {@code moderationMode}: whether a new pin waits for a moderator). The one
 * shape for walks, the receipt, supported pins and the staff's pins, so that all of them carry the
 * same fields in JSON. All of it is public on the dialogue's own page.
 */
public record DialogueRef(long id, String slug, String title, DialogueStatus status, ModerationMode moderationMode) {

  public static DialogueRef of(Dialogue d) {
    return new DialogueRef(d.id(), d.slug(), d.title(), d.status(), d.moderationMode());
  }

  /**
   * Reads the reference from a row whose dialogue columns are named {@code <prefix>id},
   * {@code <prefix>slug}, {@code <prefix>title}, {@code <prefix>status} and
   * {@code <prefix>moderation_mode}; {@link #columns} selects them so.
   */
  public static DialogueRef from(ResultSet rs, String prefix) throws SQLException {
    return new DialogueRef(rs.getLong(prefix + "id"), rs.getString(prefix + "slug"), rs.getString(prefix + "title"),
        Coded.fromCode(DialogueStatus.class, rs.getString(prefix + "status")).orElseThrow(),
        Coded.fromCode(ModerationMode.class, rs.getString(prefix + "moderation_mode")).orElseThrow());
  }

  /** The select list for {@link #from}: the columns of the dialogue table {@code alias}, renamed. */
  public static String columns(String alias, String prefix) {
    if (!alias.matches("[a-z_]+") || !prefix.matches("[a-z_]*")) {
      throw new IllegalArgumentException("not an alias or prefix: " + alias + ", " + prefix);
    }
    return String.join(", ", alias + ".id AS " + prefix + "id", alias + ".slug AS " + prefix + "slug",
        alias + ".title AS " + prefix + "title", alias + ".status AS " + prefix + "status",
        alias + ".moderation_mode AS " + prefix + "moderation_mode");
  }
}
