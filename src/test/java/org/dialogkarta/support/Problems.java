package org.dialogkarta.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** The one check of an error answer: status, problem-details shape, and the code or the field at fault. */
public final class Problems {

  private Problems() {}

  /** With {@code field} null, checks the problem's own {@code code}; else the first field error. */
  public static void assertProblem(Api.Response r, int status, String code, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    if (field == null) {
      assertThat(problem.get("code").asString()).isEqualTo(code);
    } else {
      JsonNode error = problem.get("errors").get(0);
      assertThat(error.get("field").asString()).isEqualTo(field);
      assertThat(error.get("code").asString()).isEqualTo(code);
      assertThat(error.get("message").asString()).isNotBlank();
    }
  }
}
