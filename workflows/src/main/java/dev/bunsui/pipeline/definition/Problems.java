package dev.bunsui.pipeline.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one document, placing each at a source position found through the
 * document's JSON pointers, and returns them in document order (line, then column, then the order
 * they were found).
 */
final class Problems {
  private final String file;
  private final SourceDocument doc;
  private final List<DefinitionProblem> found = new ArrayList<>();

  Problems(String file, SourceDocument doc) {
    this.file = file;
    this.doc = doc;
  }

  /** Where a value (or its nearest ancestor in the document) is. */
  SourceDocument.Position position(String pointer) {
    return doc.position(pointer);
  }

  /** A problem with a value: placed where the value starts. */
  void atValue(String pointer, String reason) {
    SourceDocument.Position at = doc.position(pointer);
    add(at.line(), at.column(), pathOf(pointer), reason);
  }

  /** A problem with a member itself (an unknown field): placed at its key. */
  void atKey(String pointer, String reason) {
    SourceDocument.Position at = doc.position(pointer);
    if (at.keyLine() > 0 && doc.has(pointer)) {
      add(at.keyLine(), at.keyColumn(), at.jsonPath(), reason);
    } else {
      add(at.line(), at.column(), pathOf(pointer), reason);
    }
  }

  /**
   * A problem inside a text value (a condition, a JSONPath): placed at the character.
   *
   * @param offset 0-based offset in the value's text
   */
  void inText(String pointer, int offset, String reason) {
    int[] at = doc.positionInText(pointer, offset);
    add(at[0], at[1], pathOf(pointer), reason);
  }

  /** A problem with an explicit position. */
  void add(int line, int column, String jsonPath, String reason) {
    found.add(new DefinitionProblem(file, line, column, jsonPath, reason));
  }

  /** The JSONPath for a pointer: exact when the value is in the document, else built from it. */
  String pathOf(String pointer) {
    SourceDocument.Position at = doc.position(pointer);
    if (doc.has(pointer)) {
      return at.jsonPath();
    }
    String ancestor = at.jsonPath();
    String known = ancestorPointer(pointer);
    String rest = pointer.substring(known.length());
    StringBuilder path = new StringBuilder(ancestor);
    for (String seg : rest.split("/")) {
      if (!seg.isEmpty()) {
        String key = seg.replace("~1", "/").replace("~0", "~");
        path.replace(0, path.length(), SourceDocument.member(path.toString(), key));
      }
    }
    return path.toString();
  }

  private String ancestorPointer(String pointer) {
    String p = pointer;
    while (!p.isEmpty() && !doc.has(p)) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return p;
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems in document order; problems without a position come first. */
  List<DefinitionProblem> sorted() {
    List<DefinitionProblem> out = new ArrayList<>(found);
    out.sort(
        Comparator.comparingInt(DefinitionProblem::line)
            .thenComparingInt(DefinitionProblem::column));
    return out;
  }
}
