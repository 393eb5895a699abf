package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code bunsui session cancel ID}: asks Temporal to cancel a running session; its workflows and
 * activities stop at their next cancellation point, and outputs already stored stay.
 */
@Command(
    name = "cancel",
    description = "Cancel a running session.",
    mixinStandardHelpOptions = true)
class SessionCancelCommand extends SessionCommand.Base {
  @Override
  public Integer call() {
    try (MutatingAction audit = Guardrails.load(global).begin("session:cancel", id, id);
        Temporal t = Temporal.connect(global)) {
      var info = describe(t);
      if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw audit.failed(
            new CliException(
                ExitCodes.NOT_FOUND,
                "session " + id + " is not running (" + status(info.getStatus()) + ")"));
      }
      t.client.newUntypedWorkflowStub(id).cancel();
      audit.succeeded("cancel requested for run " + info.getExecution().getRunId());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sessionId", id);
      out.put("runId", info.getExecution().getRunId());
      out.put("status", "cancel_requested");
      Output.print(spec.commandLine().getOut(), global.format(), out);
      return ExitCodes.OK;
    }
  }
}
