package dev.bunsui.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void linksBetweenObjectsClimbOneFolderWhateverFolderTheArticleLandsIn() {
    // SectionRecorder links from a folder no object uses, so a PNG that happens to share the
    // original article's hash prefix is still reached from the rewritten article's folder
    assertThat(Links.relative("objects/-/article.md", "objects/ab/abcd.png"))
        .isEqualTo("../ab/abcd.png");
  }

  @Test
  void theIndexPageReachesObjectsFromItsBookFolder() {
    assertThat(Links.relative("books/rust-1a2b/index.html", "objects/cd/cdef.png"))
        .isEqualTo("../../objects/cd/cdef.png");
    assertThat(Links.relative("books/rust-1a2b/index.html", "books/rust-1a2b/manifest.json"))
        .isEqualTo("manifest.json");
  }
}
