package dev.bunsui.generate;

import dev.bunsui.book.BookContext;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.Provenance;
import dev.bunsui.book.SectionTask;
import dev.bunsui.cache.Cached;
import dev.bunsui.cache.StepCache;
import dev.bunsui.cache.StepKey;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.Json;
import io.temporal.failure.ApplicationFailure;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Section analysis and generation over the artifact store: reads the parsed section (and its
 * analysis), asks the run's provider ({@link BookContext#provider()}, else {@link
 * LlmSettings#defaultProvider()}), validates the result ({@link OutputValidator}), stores it and
 * returns its reference with provenance. Providers are created lazily, once per name and model.
 *
 * <p>Provenance: {@code promptHash} is the SHA-256 of the system and message templates used ({@link
 * PromptPair#hash()}); {@code inputHash} the SHA-256 of the stored section content bytes followed
 * by the stored analysis bytes (content only for the analysis itself).
 *
 * <p>Step cache ({@link StepCache}): analysis and every generated kind are keyed by step, input
 * hash (with the output language), prompt hash and the resolved provider and model. Unless the run
 * asks for {@link BookContext#refresh()}, a stored result whose artifacts are still in the store is
 * returned without calling the provider; generated outputs then carry {@link Provenance#cached()}
 * true. The analysis is returned as the same reference (its stored JSON is not rewritten, so the
 * outputs keyed on it still hit). Creating an LLM provider still needs its API key on a hit: the
 * resolved model is part of the key.
 */
public final class GenerationService {
  private final ArtifactStore store;
  private final LlmSettings settings;
  private final ChatProviders providers;
  private final Prompts prompts;
  private static final String ANALYSIS = "analysis";
  private final StepCache cache;
  private final Metrics metrics;
  private final Map<String, Generator> generators = new ConcurrentHashMap<>();

  /**
   * Creates the service; API keys missing from settings are read from the environment ({@code
   * OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}).
   *
   * @param store where sections are read and outputs written
   * @param settings provider settings and prompt overrides
   */
  public GenerationService(ArtifactStore store, LlmSettings settings) {
    this(store, settings, new ChatProviders(System::getenv, Clock.systemUTC()));
  }

  /**
   * Creates the service with an explicit provider factory (tests, custom environments).
   *
   * @param store where sections are read and outputs written
   * @param settings provider settings and prompt overrides
   * @param providers creates chat providers by name
   */
  public GenerationService(ArtifactStore store, LlmSettings settings, ChatProviders providers) {
    this(store, settings, providers, Metrics.NOOP);
  }

  /**
   * Creates the service with metrics; API keys missing from settings are read from the environment.
   *
   * @param store where sections are read and outputs written
   * @param settings provider settings and prompt overrides
   * @param metrics receives every request made to a provider ({@link Metrics#llmRequest}) and every
   *     step cache lookup
   */
  public GenerationService(ArtifactStore store, LlmSettings settings, Metrics metrics) {
    this(store, settings, new ChatProviders(System::getenv, Clock.systemUTC()), metrics);
  }

  /**
   * Creates the service with an explicit provider factory and metrics.
   *
   * @param store where sections are read and outputs written
   * @param settings provider settings and prompt overrides
   * @param providers creates chat providers by name
   * @param metrics receives every request made to a provider ({@link Metrics#llmRequest}) and every
   *     step cache lookup
   */
  public GenerationService(
      ArtifactStore store, LlmSettings settings, ChatProviders providers, Metrics metrics) {
    this.store = store;
    this.settings = settings;
    this.providers = providers;
    this.prompts = new Prompts(settings.promptOverrideDir());
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    this.cache = new StepCache(store, metrics);
  }

  /**
   * Analyses a section and stores the {@link SectionAnalysis} as JSON.
   *
   * @param task the section task; {@code task.section().content()} is the stored section
   * @return the stored analysis ({@code application/json})
   * @throws ApplicationFailure {@code LLM_*} from the provider, {@code LLM_BAD_OUTPUT} for an
   *     unusable answer, {@code STORE_*} when the store fails, {@code INPUT_INVALID} when the
   *     section JSON is unreadable
   */
  public ArtifactRef analyze(SectionTask task) {
    byte[] contentBytes = read(task.section().content());
    SectionText section = section(contentBytes, task.book());
    Generator generator = generator(task.book());
    String inputHash = Hashes.sha256(contentBytes);
    StepKey key = key(ANALYSIS, inputHash, section, generator);
    return cache
        .getOrCompute(
            key,
            task.section().id(),
            refresh(task.book()),
            ArtifactRef.class,
            List::of,
            () -> {
              SectionAnalysis a = guard(() -> generator.analyze(section));
              SectionAnalysis stored =
                  new SectionAnalysis(
                      a.keyPoints(),
                      a.level(),
                      a.terms(),
                      a.words(),
                      a.codeBlocks(),
                      withInputHash(a.provenance(), inputHash));
              return put(Json.write(stored), "application/json", "json");
            })
        .value();
  }

  /**
   * Generates, validates and stores one output kind of a section.
   *
   * @param request the section, its analysis and the kind
   * @return the stored output and its provenance; media types {@code text/markdown; charset=utf-8}
   *     (article), {@code text/plain; charset=utf-8} (video script, description), {@code
   *     application/json} (video script JSON, X posts as an array of strings)
   * @throws ApplicationFailure {@code LLM_*} from the provider, {@code LLM_BAD_OUTPUT} when the
   *     output fails validation, {@code STORE_*}, {@code INPUT_INVALID}
   */
  public GeneratedOutput generate(GenerateRequest request) {
    OutputKind kind = request.kind();
    if (!kind.generated()) {
      throw Failures.of(ErrorCode.INTERNAL, kind + " is not a generated text kind", null);
    }
    byte[] contentBytes = read(request.content());
    byte[] analysisBytes = read(request.analysis());
    SectionText section = section(contentBytes, request.book());
    Generator generator = generator(request.book());
    byte[] input = new byte[contentBytes.length + analysisBytes.length];
    System.arraycopy(contentBytes, 0, input, 0, contentBytes.length);
    System.arraycopy(analysisBytes, 0, input, contentBytes.length, analysisBytes.length);
    String inputHash = Hashes.sha256(input);
    StepKey key = key(Generator.step(kind), inputHash, section, generator);
    Cached<GeneratedOutput> out =
        cache.getOrCompute(
            key,
            request.sectionId(),
            refresh(request.book()),
            GeneratedOutput.class,
            o -> List.of(o.ref()),
            () -> {
              SectionAnalysis analysis = readJson(analysisBytes, SectionAnalysis.class, "analysis");
              Draft draft = guard(() -> generator.generate(kind, section, analysis));
              OutputValidator.validate(kind, draft.text(), draft.provenance().provider());
              ArtifactRef ref =
                  put(
                      draft.text().getBytes(StandardCharsets.UTF_8),
                      mediaType(kind),
                      extension(kind));
              return new GeneratedOutput(kind, ref, withInputHash(draft.provenance(), inputHash));
            });
    GeneratedOutput o = out.value();
    return out.hit() ? new GeneratedOutput(o.kind(), o.ref(), o.provenance().asCached()) : o;
  }

  /** Media type of a generated kind. */
  public static String mediaType(OutputKind kind) {
    return switch (kind) {
      case ARTICLE -> "text/markdown; charset=utf-8";
      case VIDEO_SCRIPT_JSON, X_POSTS -> "application/json";
      default -> "text/plain; charset=utf-8";
    };
  }

  private static String extension(OutputKind kind) {
    return switch (kind) {
      case ARTICLE -> "md";
      case VIDEO_SCRIPT_JSON, X_POSTS -> "json";
      default -> "txt";
    };
  }

  private Generator generator(BookContext book) {
    String name =
        book != null && book.provider() != null && !book.provider().isBlank()
            ? book.provider()
            : settings.defaultProvider();
    if (LlmSettings.EXTRACTIVE.equals(name)) {
      return generators.computeIfAbsent(
          name, n -> new MeteredGenerator(new ExtractiveGenerator(), metrics));
    }
    String model = book == null ? null : book.model();
    return generators.computeIfAbsent(
        name + "\u0000" + model,
        k ->
            new MeteredGenerator(
                new LlmGenerator(
                    providers.create(name, settings.provider(name).withModel(model)), prompts),
                metrics));
  }

  /**
   * The step cache key: the step, the provenance input hash combined with the output language
   * (which comes from the book when the section names none), the prompt hash and the resolved
   * provider and model.
   */
  private static StepKey key(
      String step, String inputHash, SectionText section, Generator generator) {
    return new StepKey(
        step,
        Hashes.sha256(inputHash + "\u0000" + section.lang()),
        guard(() -> generator.promptHash(step)),
        generator.provider(),
        generator.model());
  }

  private static boolean refresh(BookContext book) {
    return book != null && book.refresh();
  }

  private static <T> T guard(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (PromptException e) {
      throw Failures.of(ErrorCode.LLM_BAD_REQUEST, e.getMessage(), e);
    }
  }

  private SectionText section(byte[] contentBytes, BookContext book) {
    SectionContent content = readJson(contentBytes, SectionContent.class, "section content");
    String lang = content.lang() != null ? content.lang() : book == null ? null : book.lang();
    return new SectionText(content, lang == null || lang.isBlank() ? "en" : lang);
  }

  private static <T> T readJson(byte[] bytes, Class<T> type, String what) {
    try {
      return Json.read(bytes, type);
    } catch (UncheckedIOException e) {
      throw Failures.of(
          ErrorCode.INPUT_INVALID, "cannot read the stored " + what + ": " + e.getMessage(), e);
    }
  }

  private byte[] read(ArtifactRef ref) {
    try {
      return store.get(ref);
    } catch (StoreException e) {
      throw Failures.of(e.code(), e.getMessage(), e);
    }
  }

  private ArtifactRef put(byte[] bytes, String mediaType, String extension) {
    try {
      return store.put(bytes, mediaType, extension);
    } catch (StoreException e) {
      throw Failures.of(e.code(), e.getMessage(), e);
    }
  }

  private static Provenance withInputHash(Provenance p, String inputHash) {
    return new Provenance(
        p.provider(),
        p.model(),
        p.promptHash(),
        inputHash,
        p.inputTokens(),
        p.outputTokens(),
        false);
  }
}
