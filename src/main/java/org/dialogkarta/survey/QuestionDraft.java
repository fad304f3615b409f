package org.dialogkarta.survey;

import java.util.List;

/**
 * A question as staff send it ({@code POST}/{@code PUT …/questions}); checked by
 * {@link QuestionRules}. {@code category} null asks the question once per visit for the whole
 * dialogue, a category code asks it with each pin of that category.
 */
public record QuestionDraft(
    String kind,
    Boolean required,
    Texts label,
    Texts help,
    List<ChoiceOption> options,
    List<Texts> scaleLabels,
    Double min,
    Double max,
    String category,
    Condition condition) {}
