package zone.dimo.sdk.samples;

import java.util.Objects;

/**
 * What one walkthrough step did.
 *
 * @param number position in the walkthrough, from 1
 * @param name the step's name, e.g. {@code mint.submit}
 * @param operation the API operation whose answer decided the step (the last HTTP exchange), or
 *     {@code "-"} when the step made no HTTP call
 * @param httpStatus that exchange's HTTP status, or 0 when there was none
 * @param calls how many HTTP exchanges the step made (a flow such as mint fetches and submits)
 * @param millis how long the step took
 * @param outcome passed, failed or skipped
 * @param detail what the step found, why it failed, or which input it was skipped for
 */
public record StepResult(int number, String name, String operation, int httpStatus, int calls,
    long millis, Outcome outcome, String detail) {

  /** How a step ended. */
  public enum Outcome {
    PASSED, FAILED, SKIPPED
  }

  public StepResult {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  /** The line the walkthrough prints, e.g. {@code [07] mint.submit  submitMint  200  41 ms  ok}. */
  public String line() {
    String status = httpStatus > 0 ? Integer.toString(httpStatus) : "-";
    String time = outcome == Outcome.SKIPPED ? "-" : millis + " ms";
    String result = switch (outcome) {
      case PASSED -> detail.isEmpty() ? "ok" : "ok  " + detail;
      case FAILED -> "FAILED  " + detail;
      case SKIPPED -> "SKIPPED  " + detail;
    };
    return String.format("[%02d] %-28s %-38s %-4s %8s  %s", number, name, operation, status, time,
        result);
  }
}
