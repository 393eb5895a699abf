package dev.bunsui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.llm.SentenceSplitter;
import dev.bunsui.parse.Block;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractiveGenerationTest {
  @TempDir Path dir;

  record Run(
      SectionContent content,
      SectionAnalysis analysis,
      ArtifactRef analysisRef,
      LocalArtifactStore store,
      GenerationService service,
      ArtifactRef contentRef,
      BookContext book) {
    String text(OutputKind kind) {
      GeneratedOutput out =
          service.generate(
              new GenerateRequest(
                  book, content.id(), content.title(), contentRef, analysisRef, kind));
      assertThat(out.provenance().provider()).isEqualTo("extractive");
      assertThat(out.provenance().model()).isEqualTo("textrank-1");
      assertThat(out.provenance().inputHash()).hasSize(64);
      assertThat(out.provenance().inputTokens()).isPositive();
      assertThat(out.ref().mediaType()).isEqualTo(GenerationService.mediaType(kind));
      return new String(store.get(out.ref()), StandardCharsets.UTF_8);
    }
  }

  private Run run(SectionContent content) {
    LocalArtifactStore store = new LocalArtifactStore(dir);
    GenerationService service = new GenerationService(store, LlmSettings.defaults());
    BookContext book = TestSections.book(content.lang(), null, null);
    ArtifactRef contentRef = TestSections.store(store, content);
    ArtifactRef analysisRef = service.analyze(TestSections.task(book, contentRef, content));
    SectionAnalysis analysis = Json.read(store.get(analysisRef), SectionAnalysis.class);
    return new Run(content, analysis, analysisRef, store, service, contentRef, book);
  }

  private static boolean inSource(SectionContent c, String sentence) {
    return c.blocks().stream()
        .map(Block::text)
        .map(SentenceSplitter::normalize)
        .anyMatch(t -> t.contains(sentence));
  }

  /** The summary must be a concatenation of source sentences (consumed greedily, longest first). */
  private static void assertMadeOfSourceSentences(String summary, SectionText s, String joiner) {
    List<String> candidates = s.sentences();
    String rest = summary;
    while (!rest.isEmpty()) {
      String r = rest;
      String match =
          candidates.stream()
              .filter(r::startsWith)
              .max((a, b) -> a.length() - b.length())
              .orElse(null);
      assertThat(match).as("summary part not from the source: %s", rest).isNotNull();
      rest = rest.substring(match.length());
      if (rest.startsWith(joiner)) {
        rest = rest.substring(joiner.length());
      }
    }
  }

  private static String summaryOf(String article) {
    String afterTitle = article.substring(article.indexOf("\n\n") + 2);
    return afterTitle.substring(0, afterTitle.indexOf("\n\n"));
  }

  private void assertCommon(Run r, String joiner, String footerFragment) throws Exception {
    SectionText s = new SectionText(r.content(), r.content().lang());
    assertThat(r.analysis().keyPoints()).isNotEmpty();
    assertThat(r.analysis().keyPoints())
        .allSatisfy(p -> assertThat(inSource(r.content(), p)).isTrue());
    assertThat(r.analysis().level()).isIn(SectionAnalysis.LEVELS);
    assertThat(r.analysis().terms()).isNotEmpty();
    assertThat(r.analysis().codeBlocks()).isEqualTo(s.codeBlocks().size());
    assertThat(r.analysis().provenance().provider()).isEqualTo("extractive");

    String article = r.text(OutputKind.ARTICLE);
    assertThat(article).startsWith("# " + r.content().title() + "\n\n");
    assertMadeOfSourceSentences(summaryOf(article), s, joiner);
    assertThat(article).contains(footerFragment);
    for (String f : s.figureLinks()) {
      assertThat(article).contains(f);
    }
    if (!s.codeBlocks().isEmpty()) {
      assertThat(article).contains("```" + s.codeBlocks().get(0).language());
    }

    List<String> posts =
        Json.MAPPER.readValue(r.text(OutputKind.X_POSTS), new TypeReference<List<String>>() {});
    assertThat(posts).isNotEmpty();
    assertThat(posts)
        .allSatisfy(
            p -> {
              assertThat(TextLimits.validPost(p)).as(p).isTrue();
              assertThat(TextLimits.weightedLength(p)).isLessThanOrEqualTo(280);
            });

    String description = r.text(OutputKind.DESCRIPTION);
    assertThat(description.codePointCount(0, description.length())).isBetween(1, 160);

    String script = r.text(OutputKind.VIDEO_SCRIPT_JSON);
    assertThat(OutputValidator.videoScriptViolations(Json.MAPPER.readTree(script))).isEmpty();
    VideoScript vs = Json.read(script.getBytes(StandardCharsets.UTF_8), VideoScript.class);
    assertThat(vs.lang()).isEqualTo(r.content().lang());
    assertThat(vs.scenes()).hasSizeGreaterThan(2);

    String narration = r.text(OutputKind.VIDEO_SCRIPT);
    assertThat(narration).contains(r.content().title());
  }

  @Test
  void englishRustBookSection() throws Exception {
    String md = TestSections.lines("rust-book/src/ch04-01-what-is-ownership.md", 1, 300);
    SectionContent c = TestSections.section("ch04-01", "What Is Ownership?", "en", md);
    Run r = run(c);
    assertThat(new SectionText(c, "en").figureLinks()).isNotEmpty();
    assertThat(r.analysis().terms()).contains("String");
    assertCommon(
        r,
        " ",
        "_Extracted from \"What Is Ownership?\" by bunsui's extractive provider (TextRank); no language model was used._");
    String narration = r.text(OutputKind.VIDEO_SCRIPT);
    assertThat(narration).startsWith("This video covers \"What Is Ownership?\".");
  }

  @Test
  void japaneseJsPrimerSection() throws Exception {
    String md = TestSections.lines("js-primer/source/basic/condition/README.md", 12, 189);
    SectionContent c = TestSections.section("condition-if", "if文", "ja", md);
    Run r = run(c);
    assertThat(r.analysis().terms()).contains("条件式");
    assertCommon(r, "", "言語モデルは使用していません。_");
    String posts = r.text(OutputKind.X_POSTS);
    assertThat(posts).containsPattern("\\p{IsHiragana}");
  }
}
