package dev.bunsui.book;

/** How a section ended. */
public enum SectionStatus {
  /** Every wanted output was produced (figures that failed are listed as skipped items). */
  DONE,
  /** The section, or one of its outputs, could not be produced; the reason says why. */
  SKIPPED
}
