package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepResultTest {
  @Test
  void passedLineShowsNumberNameOperationStatusTimeAndNote() {
    StepResult step = new StepResult(7, "mint.submit", "submitMint", 200, 2, 41,
        StepResult.Outcome.PASSED, "");

    assertEquals("[07] mint.submit                  submitMint                             200"
        + "     41 ms  ok", step.line());
  }

  @Test
  void skippedLineHasNoStatusOrTimeAndSaysWhy() {
    StepResult step = new StepResult(30, "public.syntheticDevice", "-", 0, 0, 0,
        StepResult.Outcome.SKIPPED, "missing --synthetic-device-token-id");

    assertEquals("[30] public.syntheticDevice       -                                      -   "
        + "        -  SKIPPED  missing --synthetic-device-token-id", step.line());
  }

  @Test
  void failedLineCarriesTheReason() {
    StepResult step = new StepResult(12, "command.lockDoors", "lockDoors", 401, 1, 9,
        StepResult.Outcome.FAILED, "UnauthorizedException: lockDoors: 401");

    assertEquals("[12] command.lockDoors            lockDoors                              401 "
        + "     9 ms  FAILED  UnauthorizedException: lockDoors: 401", step.line());
  }

  @Test
  void requiresNameOperationOutcomeAndDetail() {
    assertThrows(NullPointerException.class,
        () -> new StepResult(1, null, "-", 0, 0, 0, StepResult.Outcome.PASSED, ""));
    assertThrows(NullPointerException.class,
        () -> new StepResult(1, "a", "-", 0, 0, 0, StepResult.Outcome.PASSED, null));
  }
}
