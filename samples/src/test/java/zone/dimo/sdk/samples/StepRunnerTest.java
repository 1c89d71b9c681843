package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepRunnerTest {
  private final MockWebServer server = new MockWebServer();
  private final HttpRecorder recorder = new HttpRecorder();
  private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(recorder).build();
  private final StringWriter printed = new StringWriter();
  private final StepRunner runner = new StepRunner(recorder, new PrintWriter(printed));

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void passedStepShowsItsLastStateChangingCallNotTheReadsAfterIt() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(201).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    StepResult result = runner.run("claim", () -> {
      call("GET", "/payload");
      call("POST", "/submit");
      call("GET", "/status");
      return "claimed";
    });

    assertEquals(new StepResult(1, "claim", "POST /submit", 201, 3, result.millis(),
        StepResult.Outcome.PASSED, "claimed"), result);
    assertEquals(result.line() + System.lineSeparator(), printed.toString());
  }

  @Test
  void failedStepShowsTheCallThatFailedAndTheException() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(409).build());

    StepResult result = runner.run("pair", () -> {
      call("POST", "/pair");
      if (call("GET", "/status") == 409) {
        throw new IllegalStateException("pair\nnot confirmed");
      }
      return "";
    });

    assertEquals(StepResult.Outcome.FAILED, result.outcome());
    assertEquals("GET /status", result.operation());
    assertEquals(409, result.httpStatus());
    assertEquals("IllegalStateException: pair not confirmed", result.detail());
  }

  @Test
  void skippedStepKeepsItsReasonAndNumbersContinue() {
    runner.run("first", () -> "");
    StepResult result = runner.run("second", () -> {
      throw StepRunner.skip("missing --vin");
    });

    assertEquals(new StepResult(2, "second", "-", 0, 0, result.millis(),
        StepResult.Outcome.SKIPPED, "missing --vin"), result);
    assertEquals(List.of("first", "second"),
        runner.results().stream().map(StepResult::name).toList());
    assertTrue(printed.toString().contains("SKIPPED  missing --vin"));
  }

  @Test
  void requireSkipsOnNull() {
    assertEquals("x", StepRunner.require("x", "unused"));
    StepRunner.Skipped skipped =
        assertThrows(StepRunner.Skipped.class, () -> StepRunner.require(null, "missing --dcn-node"));
    assertEquals("missing --dcn-node", skipped.getMessage());
  }

  @Test
  void callsBeforeAStepDoNotCount() throws IOException {
    server.enqueue(new MockResponse.Builder().code(500).build());
    call("GET", "/earlier");

    StepResult result = runner.run("quiet", () -> "");

    assertEquals(0, result.calls());
    assertEquals("-", result.operation());
  }

  private int call(String method, String path) throws IOException {
    Request.Builder request = new Request.Builder().url(server.url(path));
    if (!method.equals("GET")) {
      request.method(method, RequestBody.create(new byte[0]));
    }
    try (okhttp3.Response response = http.newCall(request.build()).execute()) {
      return response.code();
    }
  }
}
