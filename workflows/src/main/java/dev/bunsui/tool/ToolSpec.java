package dev.bunsui.tool;

import java.util.List;

/**
 * A tool a pipeline step can name.
 *
 * @param name the tool name used in definitions; also the activity type name
 * @param description one line for {@code bunsui pipeline list} and the docs
 * @param queue the kind of work, which decides the task queue
 * @param requiredInputs input fields the step's {@code input_mapping} must provide
 * @param optionalInputs other input fields the tool reads
 */
public record ToolSpec(
    String name,
    String description,
    ToolQueue queue,
    List<String> requiredInputs,
    List<String> optionalInputs) {}
