package dev.bunsui.book;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-memory activities for workflow tests: they record what ran and can be told to fail. They build
 * outputs from their inputs (no I/O), so the workflows' data flow is checked for real.
 */
final class FakeActivities implements BookActivities, SectionActivities, FigureActivities {
  /** Outline the fake parser returns, built per test. */
  final BookOutline outline;

  /** Activity calls, as {@code type:subject}. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  /** Attempts per {@code type:subject}. */
  final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  /** Sections whose analysis fails with a non-retryable INPUT_INVALID. */
  volatile Set<String> badSections = Set.of();

  /** Sections whose article fails retryably this many times before succeeding. */
  volatile Map<String, Integer> flakyArticles = Map.of();

  /** Sections whose X posts fail with a non-retryable LLM_AUTH (fails the run). */
  volatile Set<String> authFailures = Set.of();

  /** When set, each chapter's first analysis waits here until every chapter has started. */
  volatile CountDownLatch allChaptersStarted;

  FakeActivities(BookOutline outline) {
    this.outline = outline;
  }

  static BookOutline outline(int chapters, int sectionsPerChapter, int figuresPerSection) {
    List<ChapterOutline> list = new ArrayList<>();
    for (int c = 1; c <= chapters; c++) {
      List<SectionOutline> sections = new ArrayList<>();
      for (int s = 1; s <= sectionsPerChapter; s++) {
        String id = "ch" + c + "/s" + s;
        List<FigureOutline> figures = new ArrayList<>();
        for (int f = 1; f <= figuresPerSection; f++) {
          figures.add(
              new FigureOutline(
                  id + "#fig-" + f,
                  FigureType.SVG,
                  "ch" + c + ".md",
                  s * 10 + f,
                  "img/" + c + "-" + s + "-" + f + ".svg",
                  "figure " + f,
                  ref("svg:" + id + f, "image/svg+xml")));
        }
        sections.add(
            new SectionOutline(
                id,
                s,
                "Section " + s,
                "ch" + c + ".md",
                s * 10,
                ref("content:" + id, "application/json"),
                figures));
      }
      list.add(new ChapterOutline(c, "Chapter " + c, "ch" + c + ".md", sections));
    }
    return new BookOutline(
        "test-book-00000000",
        "Test Book",
        "en",
        "folder",
        ref("tree", "application/json"),
        list,
        List.of());
  }

  static ArtifactRef ref(String name, String mediaType) {
    return new ArtifactRef(
        "mem://" + name, Integer.toHexString(name.hashCode()), name.length(), mediaType);
  }

  private int attempt(String key) {
    calls.add(key);
    return attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public BookOutline parseBook(BookRequest request) {
    attempt("parseBook:" + request.source());
    return outline;
  }

  @Override
  public ArtifactRef renderThumbnail(ThumbnailRequest request) {
    attempt("renderThumbnail:" + request.chapterNumber());
    return ref("thumb:" + request.chapterNumber(), "image/png");
  }

  @Override
  public ChapterSummary aggregateChapter(ChapterAggregateRequest request) {
    attempt("aggregateChapter:" + request.chapterNumber());
    int done = 0;
    int skipped = 0;
    int figures = 0;
    int outputs = request.thumbnail() == null ? 0 : 1;
    for (SectionSummary s : request.sections()) {
      if (s.status() == SectionStatus.DONE) {
        done++;
      } else {
        skipped++;
      }
      figures += s.figures();
      outputs += s.outputs();
    }
    return new ChapterSummary(
        request.chapterNumber(),
        request.chapterTitle(),
        ref("chapter:" + request.chapterNumber(), "application/json"),
        done,
        skipped,
        figures,
        outputs);
  }

  @Override
  public BookAggregate aggregateBook(BookAggregateRequest request) {
    attempt("aggregateBook:" + request.book().bookId());
    return new BookAggregate(
        "mem://books/" + request.book().bookId(),
        ref("manifest", "application/json"),
        ref("index", "text/html"),
        ref("metadata", "application/json"),
        request.chapters().stream().mapToInt(ChapterSummary::sectionsSkipped).sum());
  }

  @Override
  public ArtifactRef analyzeSection(SectionTask task) {
    String id = task.section().id();
    attempt("analyzeSection:" + id);
    CountDownLatch latch = allChaptersStarted;
    if (latch != null && task.section().number() == 1) {
      latch.countDown();
      try {
        if (!latch.await(20, TimeUnit.SECONDS)) {
          throw ApplicationFailure.newNonRetryableFailure(
              "chapters did not run in parallel", ErrorCode.INTERNAL.name());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
    if (badSections.contains(id)) {
      throw ApplicationFailure.newNonRetryableFailure(
          task.section().sourceFile() + ":" + task.section().line() + ": section text is not UTF-8",
          ErrorCode.INPUT_INVALID.name());
    }
    return ref("analysis:" + id, "application/json");
  }

  private GeneratedOutput output(GenerateRequest r, Function<GenerateRequest, String> check) {
    String key = r.kind() + ":" + r.sectionId();
    int attempt = attempt(key);
    String failure = check.apply(r);
    if (failure != null) {
      throw ApplicationFailure.newFailure(
          failure + " (attempt " + attempt + ")", ErrorCode.LLM_UNAVAILABLE.name());
    }
    return new GeneratedOutput(
        r.kind(),
        ref(key, "text/markdown"),
        new Provenance("fake", "fake-1", "p", r.content().sha256(), 10, 20, false));
  }

  @Override
  public GeneratedOutput generateArticle(GenerateRequest r) {
    return output(
        r,
        req -> {
          int failures = flakyArticles.getOrDefault(req.sectionId(), 0);
          int attempt = attempts.get(req.kind() + ":" + req.sectionId()).get();
          return attempt <= failures ? "fake LLM unavailable" : null;
        });
  }

  @Override
  public GeneratedOutput generateVideoScript(GenerateRequest r) {
    return output(r, req -> null);
  }

  @Override
  public GeneratedOutput generateVideoScriptJson(GenerateRequest r) {
    return output(r, req -> null);
  }

  @Override
  public GeneratedOutput generateXPosts(GenerateRequest r) {
    if (authFailures.contains(r.sectionId())) {
      attempt(r.kind() + ":" + r.sectionId());
      throw ApplicationFailure.newNonRetryableFailure(
          "fake provider rejected the API key (HTTP 401)", ErrorCode.LLM_AUTH.name());
    }
    return output(r, req -> null);
  }

  @Override
  public GeneratedOutput generateDescription(GenerateRequest r) {
    return output(r, req -> null);
  }

  @Override
  public SectionSummary recordSection(SectionRecordRequest r) {
    SectionOutline s = r.task().section();
    attempt("recordSection:" + s.id());
    List<SkippedItem> own =
        r.skipped().stream().filter(i -> i.item().startsWith(s.id() + ":")).toList();
    SectionStatus status = own.isEmpty() ? SectionStatus.DONE : SectionStatus.SKIPPED;
    return new SectionSummary(
        s.id(),
        s.number(),
        s.title(),
        status,
        own.isEmpty() ? null : own.get(0).reason(),
        ref("record:" + s.id(), "application/json"),
        r.outputs().size(),
        r.figures().size(),
        r.skipped().size());
  }

  @Override
  public FigureResult convertFigure(FigureRequest r) {
    attempt("convertFigure:" + r.figure().id());
    return new FigureResult(
        r.figure().id(),
        r.figure().type(),
        r.figure().link(),
        ref("png:" + r.figure().id(), "image/png"),
        800,
        600);
  }
}
