package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * Small result of a section (the full record is stored, not carried in history).
 *
 * @param sectionId id of the section
 * @param number 1-based position within its chapter
 * @param title section heading
 * @param status how it ended
 * @param reason why it was skipped; null when done
 * @param record the stored section record (JSON: outputs, figures, skipped items, provenance)
 * @param outputs number of outputs produced
 * @param figures number of figures converted
 * @param skippedItems number of outputs or figures skipped
 */
public record SectionSummary(
    String sectionId,
    int number,
    String title,
    SectionStatus status,
    String reason,
    ArtifactRef record,
    int outputs,
    int figures,
    int skippedItems) {}
