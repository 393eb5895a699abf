package dev.bunsui.tool;

/** The kind of work a tool does, which decides its task queue (see {@link TaskQueues}). */
public enum ToolQueue {
  /** Calls an LLM provider. */
  LLM,
  /** Renders or converts images. */
  MEDIA,
  /** Other I/O: the artifact store, posting channels. */
  IO
}
