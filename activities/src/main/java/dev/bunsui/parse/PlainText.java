package dev.bunsui.parse;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Plain text of Markdown nodes: markup removed, inline code kept, HTML and images dropped. */
final class PlainText {
  private PlainText() {}

  /** The plain text of the node and its descendants, whitespace collapsed per line. */
  static String of(Node node) {
    StringBuilder b = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            b.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            b.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            b.append(' ');
          }

          @Override
          public void visit(HardLineBreak hardLineBreak) {
            b.append('\n');
          }

          @Override
          public void visit(Paragraph paragraph) {
            if (!b.isEmpty() && b.charAt(b.length() - 1) != '\n') {
              b.append('\n');
            }
            visitChildren(paragraph);
          }

          @Override
          public void visit(HtmlInline htmlInline) {}

          @Override
          public void visit(HtmlBlock htmlBlock) {}

          @Override
          public void visit(Image image) {}

          @Override
          public void visit(FencedCodeBlock fencedCodeBlock) {}

          @Override
          public void visit(IndentedCodeBlock indentedCodeBlock) {}
        });
    return b.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
  }
}
