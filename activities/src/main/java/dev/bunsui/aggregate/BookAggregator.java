package dev.bunsui.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.book.BookAggregate;
import dev.bunsui.book.BookAggregateRequest;
import dev.bunsui.book.ChapterSummary;
import dev.bunsui.book.FigureResult;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.Provenance;
import dev.bunsui.book.SectionSummary;
import dev.bunsui.book.SkippedItem;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates a book run: {@code metadata.json}, {@code manifest.json} and {@code index.html} under
 * {@code books/<book id>/} in the store, and the run's pointer {@code runs/<workflow id>.json}
 * ({@link BookRuns}). When the store makes download URLs (S3 with a presign duration), every
 * manifest entry carries one next to its {@code s3://} URI, the manifest links the index, and the
 * index links presigned URLs instead of relative paths (a private bucket serves nothing to a bare
 * link).
 */
public final class BookAggregator {
  private static final int MAX_TAGS = 12;
  private static final Provenance AGGREGATE =
      new Provenance("bunsui", "aggregate", null, null, 0, 0, false);
  private final ArtifactStore store;
  private final Clock clock;

  /**
   * Creates an aggregator.
   *
   * @param store the artifact store
   * @param clock the clock stamped into the manifest
   */
  public BookAggregator(ArtifactStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Aggregates the book.
   *
   * @return references to what was written
   * @throws dev.bunsui.store.StoreException when the store fails
   */
  public BookAggregate aggregate(BookAggregateRequest request) {
    String folder = "books/" + request.book().bookId();
    List<ManifestEntry> outputs = new ArrayList<>();
    List<SkippedItem> skipped = new ArrayList<>(request.parseSkipped());
    List<Manifest.TocChapter> toc = new ArrayList<>();
    List<IndexPage.Chapter> pages = new ArrayList<>();
    Set<String> providers = new LinkedHashSet<>();
    Map<String, Integer> termCounts = new LinkedHashMap<>();
    String description = null;
    int figures = 0;

    for (ChapterSummary cs : request.chapters()) {
      ChapterRecord chapter = Json.read(store.get(cs.record()), ChapterRecord.class);
      skipped.addAll(chapter.skipped());
      addChapterOutput(outputs, "ARTICLE_BUNDLE", chapter.number(), chapter.articleBundle());
      addChapterOutput(outputs, "CHAPTER_SCRIPT", chapter.number(), chapter.chapterScript());
      addChapterOutput(outputs, "THUMBNAIL", chapter.number(), chapter.thumbnail());
      List<Manifest.TocSection> tocSections = new ArrayList<>();
      List<IndexPage.Section> sectionPages = new ArrayList<>();
      for (SectionSummary ss : chapter.sections()) {
        SectionRecord section = Json.read(store.get(ss.record()), SectionRecord.class);
        skipped.addAll(section.skipped());
        tocSections.add(
            new Manifest.TocSection(
                section.sectionId(),
                section.title(),
                section.sourceFile(),
                section.line(),
                section.status().name(),
                section.reason(),
                store.key(ss.record())));
        for (GeneratedOutput o : section.outputs()) {
          outputs.add(entry(o, chapter.number(), section.sectionId()));
          providers.add(o.provenance().provider() + "/" + o.provenance().model());
          if (description == null && o.kind() == OutputKind.DESCRIPTION) {
            description = new String(store.get(o.ref()), StandardCharsets.UTF_8).strip();
          }
        }
        for (FigureResult f : section.figures()) {
          figures++;
          outputs.add(figureEntry(f, chapter.number(), section.sectionId()));
        }
        countTerms(section.analysis(), termCounts);
        sectionPages.add(new IndexPage.Section(section, texts(section)));
      }
      toc.add(new Manifest.TocChapter(chapter.number(), chapter.title(), tocSections));
      pages.add(new IndexPage.Chapter(chapter, sectionPages));
    }

    int done = request.chapters().stream().mapToInt(ChapterSummary::sectionsDone).sum();
    int sectionsSkipped =
        request.chapters().stream().mapToInt(ChapterSummary::sectionsSkipped).sum();
    BookMetadata metadata =
        new BookMetadata(
            request.book().title(), request.book().lang(), description, topTerms(termCounts), toc);
    ArtifactRef metadataRef =
        store.putNamed(folder + "/metadata.json", Json.write(metadata), "application/json");
    Manifest manifest =
        new Manifest(
            request.book().bookId(),
            request.book().title(),
            request.book().lang(),
            request.layout(),
            request.workflowId(),
            clock.instant().toString(),
            List.copyOf(providers),
            new Manifest.Totals(
                request.chapters().size(),
                done,
                sectionsSkipped,
                figures,
                outputs.size(),
                skipped.size()),
            toc,
            outputs,
            skipped,
            store.downloadUrl(folder + "/index.html").orElse(null));
    ArtifactRef manifestRef =
        store.putNamed(folder + "/manifest.json", Json.write(manifest), "application/json");
    if (request.workflowId() != null) {
      BookRuns.write(
          store,
          new BookRuns.Pointer(
              request.workflowId(),
              request.book().bookId(),
              folder + "/manifest.json",
              manifest.generatedAt()));
    }
    String html = new IndexPage(store, folder + "/index.html").render(manifest, metadata, pages);
    ArtifactRef indexRef =
        store.putNamed(
            folder + "/index.html",
            html.getBytes(StandardCharsets.UTF_8),
            "text/html; charset=utf-8");
    return new BookAggregate(
        store.uriOf(folder), manifestRef, indexRef, metadataRef, skipped.size());
  }

  private Map<OutputKind, String> texts(SectionRecord section) {
    Map<OutputKind, String> texts = new LinkedHashMap<>();
    for (GeneratedOutput o : section.outputs()) {
      if (o.kind() == OutputKind.DESCRIPTION || o.kind() == OutputKind.X_POSTS) {
        texts.put(o.kind(), new String(store.get(o.ref()), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private void addChapterOutput(
      List<ManifestEntry> outputs, String kind, int chapter, ArtifactRef ref) {
    if (ref != null) {
      outputs.add(entry(kind, chapter, null, ref, AGGREGATE));
    }
  }

  private ManifestEntry entry(GeneratedOutput o, int chapter, String section) {
    return entry(o.kind().name(), chapter, section, o.ref(), o.provenance());
  }

  private ManifestEntry figureEntry(FigureResult f, int chapter, String section) {
    Provenance rendered =
        new Provenance(
            "bunsui", "figure:" + f.type().name().toLowerCase(), null, null, 0, 0, false);
    return entry("FIGURE", chapter, section, f.png(), rendered);
  }

  private ManifestEntry entry(
      String kind, int chapter, String section, ArtifactRef ref, Provenance p) {
    String key = store.key(ref);
    return new ManifestEntry(
        kind,
        chapter,
        section,
        key,
        ref.uri(),
        ref.sha256(),
        ref.size(),
        ref.mediaType(),
        p.provider(),
        p.model(),
        p.promptHash(),
        p.inputHash(),
        p.inputTokens(),
        p.outputTokens(),
        p.cached(),
        store.downloadUrl(key).orElse(null));
  }

  private void countTerms(ArtifactRef analysis, Map<String, Integer> counts) {
    if (analysis == null) {
      return;
    }
    try {
      JsonNode terms = Json.MAPPER.readTree(store.get(analysis)).path("terms");
      for (JsonNode t : terms) {
        String term = t.asText().strip();
        if (!term.isEmpty()) {
          counts.merge(term, 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("analysis " + analysis.uri() + " is not JSON", e);
    }
  }

  private static List<String> topTerms(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_TAGS)
        .map(Map.Entry::getKey)
        .toList();
  }
}
