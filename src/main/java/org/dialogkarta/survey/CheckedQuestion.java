package org.dialogkarta.survey;

import java.util.List;

/** A question that passed {@link QuestionRules}: texts cleaned, lists never null. */
record CheckedQuestion(
    QuestionKind kind,
    boolean required,
    Texts label,
    Texts help,
    List<ChoiceOption> options,
    List<Texts> scaleLabels,
    Double min,
    Double max,
    String category,
    Condition condition) {}
