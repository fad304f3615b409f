package org.dialogkarta.ogc;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.ogc.filter.FilterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter of the OGC API that cannot be used. OGC API – Features asks for 400 here
 * (not the 422 the rest of the API gives for a broken rule); Spring's own handling of
 * {@link ErrorResponseException} in {@code web.ProblemDetailsAdvice} writes it as problem details
 * with the same {@code code} and {@code errors} shape as every other problem.
 */
final class OgcBadRequest extends ErrorResponseException {

  private OgcBadRequest(ProblemDetail problem) {
    super(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** Runs the filter package's work; its refusals become 400s naming their parameter. */
  static <T> T filtering(Supplier<T> work) {
    try {
      return work.get();
    } catch (FilterException e) {
      throw of(e.parameter(), e.getMessage());
    }
  }

  static OgcBadRequest of(String parameter, String message) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    p.setTitle("Bad request");
    p.setType(URI.create("about:blank"));
    p.setProperty("code", "ogc.parameter.invalid");
    p.setProperty("errors", List.of(FieldViolation.of(parameter, "ogc.parameter.invalid", message)));
    return new OgcBadRequest(p);
  }
}
