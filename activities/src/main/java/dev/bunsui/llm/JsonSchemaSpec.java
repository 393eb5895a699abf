package dev.bunsui.llm;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/**
 * A JSON schema the answer must follow, for providers with structured outputs (OpenAI {@code
 * response_format: json_schema}, strict).
 *
 * @param name schema name sent to the provider ({@code [a-zA-Z0-9_-]+})
 * @param root the root object; for strict mode every property is required and no others allowed
 */
public record JsonSchemaSpec(String name, JsonObjectSchema root) {}
