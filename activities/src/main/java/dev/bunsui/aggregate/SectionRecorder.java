package dev.bunsui.aggregate;

import dev.bunsui.book.FigureResult;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.book.SectionRecordRequest;
import dev.bunsui.book.SectionStatus;
import dev.bunsui.book.SectionSummary;
import dev.bunsui.book.SkippedItem;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finishes a section: rewrites the article's figure links to the stored PNGs (relative links, so
 * the outputs browse from any copy of the store) and stores the {@link SectionRecord}.
 *
 * <p>A section is {@link SectionStatus#SKIPPED} when its analysis or any wanted output could not be
 * produced; a figure that failed is listed but does not skip the section.
 */
public final class SectionRecorder {
  private final ArtifactStore store;

  /** Creates a recorder over the store. */
  public SectionRecorder(ArtifactStore store) {
    this.store = store;
  }

  /**
   * Records the section.
   *
   * @return the summary the workflow keeps
   * @throws dev.bunsui.store.StoreException when the store fails
   */
  public SectionSummary record(SectionRecordRequest request) {
    SectionOutline section = request.task().section();
    List<GeneratedOutput> outputs = new ArrayList<>();
    for (GeneratedOutput output : request.outputs()) {
      outputs.add(
          output.kind() == OutputKind.ARTICLE ? rewriteLinks(output, request.figures()) : output);
    }
    List<SkippedItem> sectionLevel =
        request.skipped().stream().filter(s -> s.item().startsWith(section.id() + ":")).toList();
    SectionStatus status = sectionLevel.isEmpty() ? SectionStatus.DONE : SectionStatus.SKIPPED;
    String reason =
        sectionLevel.isEmpty()
            ? null
            : sectionLevel.stream()
                .map(s -> s.item().substring(section.id().length() + 1) + ": " + s.reason())
                .collect(Collectors.joining("; "));
    SectionRecord record =
        new SectionRecord(
            section.id(),
            request.task().chapterNumber(),
            section.number(),
            section.title(),
            section.sourceFile(),
            section.line(),
            status,
            reason,
            section.content(),
            request.analysis(),
            outputs,
            request.figures(),
            request.skipped());
    ArtifactRef ref = store.put(Json.write(record), "application/json", "json");
    return new SectionSummary(
        section.id(),
        section.number(),
        section.title(),
        status,
        reason,
        ref,
        outputs.size(),
        request.figures().size(),
        request.skipped().size());
  }

  private GeneratedOutput rewriteLinks(GeneratedOutput article, List<FigureResult> figures) {
    if (figures.isEmpty()) {
      return article;
    }
    String markdown = new String(store.get(article.ref()), StandardCharsets.UTF_8);
    // The rewritten article is stored under its own new hash, so its folder is not known yet; every
    // object sits at the same depth (objects/<2 hex>/), so links are made from a folder no object
    // uses ("-" is not hex) and resolve from wherever the article lands.
    String rewritten = rewrite(markdown, figures, "objects/-/article.md");
    if (rewritten.equals(markdown)) {
      return article;
    }
    ArtifactRef ref =
        store.put(rewritten.getBytes(StandardCharsets.UTF_8), article.ref().mediaType(), "md");
    return new GeneratedOutput(article.kind(), ref, article.provenance());
  }

  /**
   * Replaces Markdown link targets {@code ](link)} and {@code ](link "title")} of each figure with
   * the relative path to its PNG.
   *
   * @param fromKey the key the rewritten document will live at (its folder is what counts)
   */
  String rewrite(String markdown, List<FigureResult> figures, String fromKey) {
    String out = markdown;
    for (FigureResult figure : figures) {
      String target = Links.relative(fromKey, store.key(figure.png()));
      out = out.replace("](" + figure.link() + ")", "](" + target + ")");
      out = out.replace("](" + figure.link() + " ", "](" + target + " ");
      out = out.replace("](<" + figure.link() + ">)", "](" + target + ")");
    }
    return out;
  }
}
