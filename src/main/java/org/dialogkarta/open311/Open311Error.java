package org.dialogkarta.open311;

/**
 * A refusal in GeoReport v2's own error format ({@code [{"code": 403, "description": "…"}]}), which
 * {@link Open311Controller} writes itself: the spec's clients expect it, not problem details.
 */
class Open311Error extends RuntimeException {

  private final int status;

  Open311Error(int status, String description) {
    super(description);
    this.status = status;
  }

  int status() {
    return status;
  }
}
