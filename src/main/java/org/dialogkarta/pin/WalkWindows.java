package org.dialogkarta.pin;

import java.util.Optional;

/**
 * Finds the window of the walk a pin names. The pin rules need it, the walk feature knows where
 * walks are kept and implements it, so {@code pin} does not depend on {@code walk}.
 */
public interface WalkWindows {

  /** The walk's window, or empty when there is no such walk. */
  Optional<WalkWindow> of(long walkId);
}
