package dev.bunsui.pipeline.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A pipeline definition (or a run input) that is not valid; lists every problem found. */
public class DefinitionException extends RuntimeException {
  private final List<DefinitionProblem> problems;

  /**
   * @param problems at least one problem
   */
  public DefinitionException(List<DefinitionProblem> problems) {
    super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in document order. */
  public List<DefinitionProblem> problems() {
    return problems;
  }
}
