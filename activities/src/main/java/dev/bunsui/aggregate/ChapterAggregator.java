package dev.bunsui.aggregate;

import dev.bunsui.book.ChapterAggregateRequest;
import dev.bunsui.book.ChapterSummary;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.SectionStatus;
import dev.bunsui.book.SectionSummary;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Aggregates a chapter: the article bundle (every section article in order under the chapter
 * title), the chapter script (every section narration in order) and the {@link ChapterRecord}.
 */
public final class ChapterAggregator {
  private final ArtifactStore store;

  /** Creates an aggregator over the store. */
  public ChapterAggregator(ArtifactStore store) {
    this.store = store;
  }

  /**
   * Aggregates the chapter.
   *
   * @return the summary the workflow keeps; {@code outputs} counts section outputs, converted
   *     figures, and the bundle, the script and the thumbnail that were produced (as the manifest
   *     lists them)
   * @throws dev.bunsui.store.StoreException when the store fails
   */
  public ChapterSummary aggregate(ChapterAggregateRequest request) {
    StringBuilder bundle = new StringBuilder("# ").append(request.chapterTitle()).append("\n\n");
    StringBuilder script = new StringBuilder();
    int done = 0;
    int skipped = 0;
    int figures = 0;
    int outputs = 0;
    boolean anyArticle = false;
    boolean anyScript = false;
    for (SectionSummary s : request.sections()) {
      if (s.status() == SectionStatus.DONE) {
        done++;
      } else {
        skipped++;
      }
      figures += s.figures();
      outputs += s.outputs() + s.figures();
      SectionRecord record = Json.read(store.get(s.record()), SectionRecord.class);
      Optional<String> article = text(record, OutputKind.ARTICLE);
      if (article.isPresent()) {
        anyArticle = true;
        bundle.append(demote(article.get()).strip()).append("\n\n");
      }
      Optional<String> narration = text(record, OutputKind.VIDEO_SCRIPT);
      if (narration.isPresent()) {
        anyScript = true;
        script.append("## ").append(s.title()).append("\n\n");
        script.append(narration.get().strip()).append("\n\n");
      }
    }
    ArtifactRef bundleRef = null;
    if (anyArticle) {
      bundleRef = store.put(utf8(bundle), "text/markdown; charset=utf-8", "md");
      outputs++;
    }
    ArtifactRef scriptRef = null;
    if (anyScript) {
      String text = "# " + request.chapterTitle() + "\n\n" + script;
      scriptRef =
          store.put(text.getBytes(StandardCharsets.UTF_8), "text/markdown; charset=utf-8", "md");
      outputs++;
    }
    if (request.thumbnail() != null) {
      outputs++;
    }
    ChapterRecord record =
        new ChapterRecord(
            request.chapterNumber(),
            request.chapterTitle(),
            bundleRef,
            scriptRef,
            request.thumbnail(),
            request.sections(),
            request.skipped());
    ArtifactRef ref = store.put(Json.write(record), "application/json", "json");
    return new ChapterSummary(
        request.chapterNumber(), request.chapterTitle(), ref, done, skipped, figures, outputs);
  }

  private Optional<String> text(SectionRecord record, OutputKind kind) {
    for (GeneratedOutput o : record.outputs()) {
      if (o.kind() == kind) {
        return Optional.of(new String(store.get(o.ref()), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** Moves every ATX heading one level down so section articles nest under the chapter title. */
  static String demote(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.stripLeading();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("#") && line.matches("#{1,5} .*")) {
        out.append('#');
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
