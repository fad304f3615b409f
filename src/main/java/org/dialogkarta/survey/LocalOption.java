package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One option of a public question: its code and its label as {@link LocalText} says. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalOption(String code, String sv, String en, String text, String lang, Boolean fallback) {}
