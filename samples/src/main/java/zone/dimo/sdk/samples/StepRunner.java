package zone.dimo.sdk.samples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs walkthrough steps one after another: times each, takes its HTTP status from the
 * {@link HttpRecorder}, prints its line as soon as it ends, and keeps the results.
 */
final class StepRunner {
  /** A step's work; returns a short note for the output line ("token id 1"), or "". */
  @FunctionalInterface
  interface Body {
    String run() throws Exception;
  }

  /** Thrown by a step whose inputs are missing; the message names them. */
  static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped(String reason) {
      super(reason, null, false, false);
    }
  }

  private final HttpRecorder recorder;
  private final PrintWriter out;
  private final List<StepResult> results = new ArrayList<>();

  StepRunner(HttpRecorder recorder, PrintWriter out) {
    this.recorder = recorder;
    this.out = out;
  }

  /** Skips the current step: {@code throw skip("missing --vin")}. */
  static Skipped skip(String reason) {
    return new Skipped(reason);
  }

  /** Returns {@code value}, or skips the current step for {@code reason} when it is null. */
  static <T> T require(T value, String reason) {
    if (value == null) {
      throw new Skipped(reason);
    }
    return value;
  }

  StepResult run(String name, Body body) {
    Objects.requireNonNull(name, "name == null");
    recorder.drain();
    long start = System.nanoTime();
    StepResult.Outcome outcome;
    String detail;
    try {
      detail = Objects.requireNonNullElse(body.run(), "");
      outcome = StepResult.Outcome.PASSED;
    } catch (Skipped e) {
      detail = e.getMessage();
      outcome = StepResult.Outcome.SKIPPED;
    } catch (Exception e) {
      detail = describe(e);
      outcome = StepResult.Outcome.FAILED;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<HttpRecorder.Exchange> exchanges = recorder.drain();
    HttpRecorder.Exchange last = decisive(exchanges, outcome);
    StepResult result = new StepResult(results.size() + 1, name,
        last == null ? "-" : last.operationId(), last == null ? 0 : Math.max(last.status(), 0),
        exchanges.size(), millis, outcome, detail);
    results.add(result);
    out.println(result.line());
    out.flush();
    return result;
  }

  /**
   * The exchange a step's line shows: for a failed step the last one (it failed); otherwise the
   * last state-changing one, so that a claim shows its submission rather than the reads that
   * waited for it to be confirmed.
   */
  private static HttpRecorder.Exchange decisive(List<HttpRecorder.Exchange> exchanges,
      StepResult.Outcome outcome) {
    if (exchanges.isEmpty()) {
      return null;
    }
    if (outcome != StepResult.Outcome.FAILED) {
      for (int i = exchanges.size() - 1; i >= 0; i--) {
        if (!exchanges.get(i).method().equals("GET")) {
          return exchanges.get(i);
        }
      }
    }
    return exchanges.get(exchanges.size() - 1);
  }

  List<StepResult> results() {
    return List.copyOf(results);
  }

  /** One line; the SDK's messages carry the operation, the status and the service's message. */
  private static String describe(Exception e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replaceAll("\\s+", " ").trim();
  }
}
