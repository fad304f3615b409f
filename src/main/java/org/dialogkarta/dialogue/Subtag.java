package org.dialogkarta.dialogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * A sub-tag that a dialogue offers for pins of one category, e.g. safety concern / lighting:
 * its code, and the label a planner typed for a code of their own (null for the bundle's codes).
 */
@Embeddable
public record Subtag(
    @Convert(converter = Category.Converter.class) @Column(name = "category") Category category,
    @Column(name = "tag") String tag,
    @Column(name = "position") int position,
    @Column(name = "label") String label) {}
