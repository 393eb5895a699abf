package dev.bunsui.aggregate;

import dev.bunsui.book.FigureResult;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.SectionStatus;
import dev.bunsui.book.SkippedItem;
import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Everything about one processed section, stored as JSON by {@link SectionRecorder}.
 *
 * @param sectionId section id
 * @param chapterNumber 1-based chapter number
 * @param number 1-based position within the chapter
 * @param title section heading
 * @param sourceFile Markdown file relative to the book folder
 * @param line 1-based line of the heading
 * @param status how the section ended
 * @param reason why it was skipped, null when done
 * @param content the stored parsed section
 * @param analysis the stored analysis, null when analysis failed
 * @param outputs the outputs, the article with figure links rewritten to the stored PNGs
 * @param figures converted figures
 * @param skipped outputs and figures not produced, with reasons
 */
public record SectionRecord(
    String sectionId,
    int chapterNumber,
    int number,
    String title,
    String sourceFile,
    int line,
    SectionStatus status,
    String reason,
    ArtifactRef content,
    ArtifactRef analysis,
    List<GeneratedOutput> outputs,
    List<FigureResult> figures,
    List<SkippedItem> skipped) {}
