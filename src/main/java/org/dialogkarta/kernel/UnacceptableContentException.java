package org.dialogkarta.kernel;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An uploaded file refused for what it is rather than for a rule it breaks: too large (413) or of
 * a media type the service does not take (415). Carries the field at fault like
 * {@link InvalidInputException}, so a form can mark it the same way.
 */
public class UnacceptableContentException extends RuntimeException {

  private final HttpStatus status;
  private final FieldViolation violation;

  private UnacceptableContentException(HttpStatus status, FieldViolation violation) {
    super(violation.message());
    this.status = status;
    this.violation = violation;
  }

  public static UnacceptableContentException tooLarge(String field, String code, String message) {
    return new UnacceptableContentException(HttpStatus.CONTENT_TOO_LARGE, FieldViolation.of(field, code, message));
  }

  public static UnacceptableContentException unsupportedType(String field, String code, String message) {
    return new UnacceptableContentException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FieldViolation.of(field, code, message));
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldViolation> violations() {
    return List.of(violation);
  }
}
