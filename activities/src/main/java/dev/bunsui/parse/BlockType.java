package dev.bunsui.parse;

/** Kinds of section blocks. */
public enum BlockType {
  HEADING(true),
  PARAGRAPH(true),
  LIST_ITEM(true),
  QUOTE(true),
  CODE(false),
  TABLE(false),
  FIGURE(false),
  HTML(false);

  private final boolean prose;

  BlockType(boolean prose) {
    this.prose = prose;
  }

  /** Whether the block is prose a summary may quote. */
  public boolean prose() {
    return prose;
  }
}
