package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A question at one of its versions. {@code id} is the question's stable id (what answers and
 * conditions name), {@code versionId} the row of the version (what stored answers point at).
 * {@code answers} (answers to this version) and {@code totalAnswers} (to every version) are
 * filled for staff only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
    long id,
    int version,
    @JsonIgnore long versionId,
    int position,
    QuestionKind kind,
    boolean required,
    Texts label,
    Texts help,
    List<ChoiceOption> options,
    List<Texts> scaleLabels,
    Double min,
    Double max,
    String category,
    Condition condition,
    Long answers,
    Long totalAnswers) {

  boolean hasOption(String code) {
    return options.stream().anyMatch(o -> o.code().equals(code));
  }

  /** The Swedish label of an option, or the code when it has none (an older version's code). */
  String optionLabel(String code) {
    return options.stream().filter(o -> o.code().equals(code)).map(ChoiceOption::sv).findFirst().orElse(code);
  }
}
