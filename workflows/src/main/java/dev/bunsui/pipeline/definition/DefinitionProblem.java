package dev.bunsui.pipeline.definition;

/**
 * One problem in a pipeline definition file.
 *
 * @param file the file (or template name) it is in
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param jsonPath where in the document, as a JSONPath ({@code $.steps[2].condition})
 * @param reason what is wrong, in words
 */
public record DefinitionProblem(String file, int line, int column, String jsonPath, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + jsonPath + ": " + reason;
  }
}
