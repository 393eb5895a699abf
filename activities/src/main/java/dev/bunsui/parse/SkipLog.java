package dev.bunsui.parse;

import dev.bunsui.book.SkippedItem;
import dev.bunsui.failure.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Collects what parsing leaves out, in the order found. */
final class SkipLog {
  private final List<SkippedItem> items = new ArrayList<>();

  void add(String item, String file, int line, String reason) {
    items.add(new SkippedItem(item, file, line, ErrorCode.INPUT_INVALID.name(), reason));
  }

  void add(BookInputException e) {
    add(e.file(), e.file(), e.line(), e.reason());
  }

  List<SkippedItem> items() {
    return List.copyOf(items);
  }
}
