package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import dev.bunsui.cli.pipeline.Approvals;
import dev.bunsui.cli.pipeline.JobEvents;
import dev.bunsui.pipeline.ApprovalDecision;
import dev.bunsui.pipeline.StepRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui session approve|reject ID --job STEP [--comment TEXT]}: sends the pipeline run's
 * {@code approve} or {@code reject} Update. The approver is the guard rails' actor ({@code
 * --actor}, {@code $BUNSUI_ACTOR}, else {@code user:<OS user>}); the decision is audited as {@code
 * session:approve} or {@code session:reject}.
 */
abstract class SessionDecisionCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Workflow id of the pipeline run.")
  String id;

  @Option(names = "--job", required = true, description = "The step waiting for approval.")
  String step;

  @Option(names = "--comment", description = "Why (recorded with the decision).")
  String comment;

  abstract boolean approve();

  @Override
  public Integer call() {
    String action = approve() ? "session:approve" : "session:reject";
    Guardrails guard = Guardrails.load(global);
    try (MutatingAction audit = guard.begin(action, step, id);
        Temporal t = Temporal.connect(global)) {
      StepRecord after;
      try {
        after =
            Approvals.decide(
                t.client, id, approve(), new ApprovalDecision(step, guard.actor(), comment));
      } catch (Approvals.Refused e) {
        throw audit.failed(
            new CliException(
                switch (e.kind()) {
                  case NOT_FOUND -> ExitCodes.NOT_FOUND;
                  case BAD_REQUEST, CONFLICT -> ExitCodes.USAGE;
                },
                e.getMessage()));
      } catch (io.grpc.StatusRuntimeException e) {
        throw audit.failed(t.sessionError(e, id));
      }
      audit.succeeded((approve() ? "approved " : "rejected ") + step + " by " + guard.actor());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sessionId", id);
      out.put("step", step);
      out.put("decision", approve() ? "approved" : "rejected");
      out.put("approver", guard.actor());
      out.put("stepStatus", JobEvents.name(after.status()));
      out.put("approval", after.approval());
      Output.print(spec.commandLine().getOut(), global.format(), out);
      return ExitCodes.OK;
    }
  }

  /** {@code bunsui session approve}. */
  @Command(
      name = "approve",
      description = "Approve a pipeline step waiting for approval.",
      mixinStandardHelpOptions = true)
  static class Approve extends SessionDecisionCommand {
    @Override
    boolean approve() {
      return true;
    }
  }

  /** {@code bunsui session reject}: the step is skipped, and so are its dependents. */
  @Command(
      name = "reject",
      description =
          "Reject a pipeline step waiting for approval (it and its dependents are skipped).",
      mixinStandardHelpOptions = true)
  static class Reject extends SessionDecisionCommand {
    @Override
    boolean approve() {
      return false;
    }
  }
}
