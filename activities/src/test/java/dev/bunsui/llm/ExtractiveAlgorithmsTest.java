package dev.bunsui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAlgorithmsTest {

  @Test
  void textRankRanksCentralSentenceAboveOffTopicOne() {
    List<String> sentences =
        List.of(
            "Ownership is a set of rules that govern how a Rust program manages memory.",
            "Each value in Rust has an owner, and ownership moves when the value is assigned.",
            "The weather in Lisbon was sunny and warm all week.",
            "When the owner goes out of scope, Rust frees the memory of the value.",
            "Ownership rules let Rust manage memory without a garbage collector.");
    double[] s = TextRank.scores(sentences);
    assertThat(s[4]).isGreaterThan(s[2]);
    assertThat(s[0]).isGreaterThan(s[2]);
    assertThat(TextRank.top(sentences, 1).get(0)).isNotEqualTo(2);
    assertThat(TextRank.top(sentences, 5).get(4)).isEqualTo(2);
  }

  @Test
  void splitsEnglishWithAbbreviationsAndJapanese() {
    assertThat(
            SentenceSplitter.split(
                "Use a type, e.g. String here. Dr. Smith agreed! Is it 3.5 MB? Yes."))
        .containsExactly(
            "Use a type, e.g. String here.", "Dr. Smith agreed!", "Is it 3.5 MB?", "Yes.");
    assertThat(SentenceSplitter.split("if文を使います。条件式が\ntrueなら実行されます！本当？"))
        .containsExactly("if文を使います。", "条件式がtrueなら実行されます！", "本当？");
  }

  @Test
  void keywordsFromEnglishAndJapanese() {
    String en =
        "The borrow checker enforces ownership rules. Ownership rules are checked at compile time."
            + " The borrow checker rejects dangling references.";
    assertThat(Keywords.extract(en, false, 3))
        .contains("borrow checker enforces", "ownership rules");
    String ja = "オブジェクトはプロパティの集合です。オブジェクトのプロパティには変数宣言で値を入れます。";
    assertThat(Keywords.extract(ja, true, 5)).contains("オブジェクト", "プロパティ", "変数宣言");
  }

  @Test
  void estimatesTokensAndWords() {
    assertThat(Words.estimateTokens("abcdefgh")).isEqualTo(2);
    assertThat(Words.estimateTokens("条件分岐")).isEqualTo(4);
    assertThat(Words.count("Rust has 3 rules")).isEqualTo(3);
    assertThat(Words.count("条件 if")).isEqualTo(3);
  }
}
