package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Input of the activity that finishes a section: rewrites figure links in the generated Markdown
 * and stores the section record.
 *
 * @param task the section task
 * @param analysis the stored analysis, or null when analysis failed
 * @param outputs outputs produced
 * @param figures figures converted
 * @param skipped outputs and figures that could not be produced
 */
public record SectionRecordRequest(
    SectionTask task,
    ArtifactRef analysis,
    List<GeneratedOutput> outputs,
    List<FigureResult> figures,
    List<SkippedItem> skipped) {}
