package org.dialogkarta.dialogue;

/**
 * How a request names a dialogue: by id when the reference is all digits, by slug otherwise (so a
 * slug "2030" of one dialogue can never make a lookup match a second dialogue with id 2030). The
 * one rule for {@link DialogueRepository#getByIdOrSlug} and for SQL that filters by dialogue.
 */
public record DialogueIdOrSlug(String ref) {

  public DialogueIdOrSlug {
    ref = ref.strip();
  }

  public boolean isId() {
    return ref.matches("\\d{1,18}");
  }

  /** The SQL condition on a dialogue table {@code alias} with the named parameter {@code param}. */
  public String condition(String alias, String param) {
    return alias + (isId() ? ".id = :" : ".slug = :") + param;
  }

  /** The value to bind to that parameter. */
  public Object value() {
    return isId() ? Long.parseLong(ref) : ref;
  }
}
