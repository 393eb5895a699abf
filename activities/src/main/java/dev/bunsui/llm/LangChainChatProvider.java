package dev.bunsui.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;

/**
 * A {@link ChatProvider} over a LangChain4j {@link ChatModel} built with {@code maxRetries(0)}.
 * Errors are mapped by {@link LlmErrors}.
 */
public final class LangChainChatProvider implements ChatProvider {
  private final String name;
  private final String model;
  private final ChatModel chatModel;
  private final boolean jsonSchema;
  private final Clock clock;

  /**
   * Wraps a model.
   *
   * @param name provider name
   * @param model model name
   * @param chatModel the LangChain4j model (client retries off)
   * @param jsonSchema whether to send schemas as {@code response_format}
   * @param clock clock for HTTP-date {@code Retry-After} values
   */
  public LangChainChatProvider(
      String name, String model, ChatModel chatModel, boolean jsonSchema, Clock clock) {
    this.name = name;
    this.model = model;
    this.chatModel = chatModel;
    this.jsonSchema = jsonSchema;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public boolean supportsJsonSchema() {
    return jsonSchema;
  }

  @Override
  public ChatAnswer chat(String system, String user, JsonSchemaSpec schemaOrNull) {
    ChatRequest.Builder request =
        ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user));
    if (schemaOrNull != null && jsonSchema) {
      request.responseFormat(
          ResponseFormat.builder()
              .type(ResponseFormatType.JSON)
              .jsonSchema(
                  JsonSchema.builder()
                      .name(schemaOrNull.name())
                      .rootElement(schemaOrNull.root())
                      .build())
              .build());
    }
    ChatResponse response;
    try {
      response = chatModel.chat(request.build());
    } catch (RuntimeException e) {
      throw LlmErrors.map(name, e, clock);
    }
    TokenUsage usage = response.tokenUsage();
    long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return new ChatAnswer(text == null ? "" : text, in, out);
  }
}
