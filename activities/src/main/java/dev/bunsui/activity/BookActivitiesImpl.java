package dev.bunsui.activity;

import dev.bunsui.aggregate.BookAggregator;
import dev.bunsui.aggregate.ChapterAggregator;
import dev.bunsui.book.BookActivities;
import dev.bunsui.book.BookAggregate;
import dev.bunsui.book.BookAggregateRequest;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterAggregateRequest;
import dev.bunsui.book.ChapterSummary;
import dev.bunsui.book.ThumbnailRequest;
import dev.bunsui.cache.StepCache;
import dev.bunsui.cache.StepKey;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.parse.BookInputException;
import dev.bunsui.parse.BookParseService;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Hashes;
import dev.bunsui.thumbnail.Thumbnail;
import dev.bunsui.thumbnail.ThumbnailFont;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book-level activities, thin over the parse, thumbnail and aggregation services. Thumbnails go
 * through the step cache ({@link StepCache}).
 */
public class BookActivitiesImpl implements BookActivities {
  private static final Logger log = LoggerFactory.getLogger(BookActivitiesImpl.class);
  private final ArtifactStore store;
  private final BookParseService parser;
  private final ThumbnailRenderer thumbnails;
  private final ChapterAggregator chapters;
  private final BookAggregator books;
  private final StepCache cache;

  /**
   * Creates the activities.
   *
   * @param store the artifact store
   * @param parser the book parser
   * @param thumbnails the thumbnail renderer
   * @param chapters the chapter aggregator
   * @param books the book aggregator
   */
  public BookActivitiesImpl(
      ArtifactStore store,
      BookParseService parser,
      ThumbnailRenderer thumbnails,
      ChapterAggregator chapters,
      BookAggregator books) {
    this(store, parser, thumbnails, chapters, books, dev.bunsui.metrics.Metrics.NOOP);
  }

  /**
   * Creates the activities with metrics.
   *
   * @param store the artifact store
   * @param parser the book parser
   * @param thumbnails the thumbnail renderer
   * @param chapters the chapter aggregator
   * @param books the book aggregator
   * @param metrics counts the thumbnail step cache lookups
   */
  public BookActivitiesImpl(
      ArtifactStore store,
      BookParseService parser,
      ThumbnailRenderer thumbnails,
      ChapterAggregator chapters,
      BookAggregator books,
      dev.bunsui.metrics.Metrics metrics) {
    this.store = store;
    this.parser = parser;
    this.thumbnails = thumbnails;
    this.chapters = chapters;
    this.books = books;
    this.cache = new StepCache(store, metrics);
  }

  @Override
  public BookOutline parseBook(BookRequest request) {
    return Guard.run(
        "parse " + request.source(),
        () -> {
          try {
            return parser.parse(request);
          } catch (BookInputException e) {
            throw Failures.of(ErrorCode.INPUT_INVALID, e.getMessage(), e);
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Step cache: keyed by the texts drawn (chapter title, book title, chapter number, language),
   * the font chosen for them and the image size; a hit reuses the stored PNG.
   */
  @Override
  public ArtifactRef renderThumbnail(ThumbnailRequest request) {
    return Guard.run(
        "thumbnail of chapter " + request.chapterNumber(),
        () -> {
          BookContext book = request.book();
          ThumbnailFont font =
              thumbnails.fontFor(
                  request.chapterTitle(), book.title(), request.chapterNumber(), book.lang());
          if (!font.allGlyphsDisplayable()) {
            log.warn(
                "no installed font displays every character of '{}' (used {}); install a CJK font"
                    + " such as Debian's fonts-noto-cjk or set bunsui.thumbnail.font-file",
                request.chapterTitle(),
                font.family());
          }
          StepKey key =
              new StepKey(
                  "thumbnail",
                  Hashes.sha256(
                      String.join(
                          "\u0000",
                          request.chapterTitle(),
                          String.valueOf(book.title()),
                          Integer.toString(request.chapterNumber()),
                          String.valueOf(book.lang()))),
                  Hashes.sha256(
                      font.family()
                          + "\u0000"
                          + font.name()
                          + "\u0000"
                          + ThumbnailRenderer.WIDTH
                          + "x"
                          + ThumbnailRenderer.HEIGHT),
                  "bunsui",
                  ThumbnailRenderer.VERSION);
          return cache
              .getOrCompute(
                  key,
                  "chapter " + request.chapterNumber(),
                  book.refresh(),
                  ArtifactRef.class,
                  List::of,
                  () -> {
                    Thumbnail t =
                        thumbnails.render(
                            request.chapterTitle(),
                            book.title(),
                            request.chapterNumber(),
                            book.lang());
                    return store.put(t.png(), "image/png", "png");
                  })
              .value();
        });
  }

  @Override
  public ChapterSummary aggregateChapter(ChapterAggregateRequest request) {
    return Guard.run(
        "aggregate chapter " + request.chapterNumber(), () -> chapters.aggregate(request));
  }

  @Override
  public BookAggregate aggregateBook(BookAggregateRequest request) {
    return Guard.run("aggregate book " + request.book().bookId(), () -> books.aggregate(request));
  }
}
