package org.dialogkarta.report.document;

/**
 * The municipality's position (ställningstagande) on a topic or a view.
 *
 * @param effect e.g. "Tillgodosett", "Delvis tillgodosett", "Inte tillgodosett", "Utanför planens
 *     syfte", "Noterat"; null when not yet decided
 * @param answer the municipality's answer, may be null
 * @param reason why it was not accommodated; present when the effect is "Inte tillgodosett"
 */
public record Position(String effect, String answer, String reason) {

  public static final Position NONE = new Position(null, null, null);
}
