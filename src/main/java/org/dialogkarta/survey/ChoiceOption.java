package org.dialogkarta.survey;

/** One option of a choice or ranking question: a stable code and its labels. */
public record ChoiceOption(String code, String sv, String en) {}
