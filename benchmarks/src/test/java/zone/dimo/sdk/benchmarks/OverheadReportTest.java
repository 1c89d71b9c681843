package zone.dimo.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadReportTest {
  @TempDir Path dir;

  @Test
  void pairsSdkAndPlainResultsPerMetricInMicrosecondsAndCallsPerSecond() throws IOException {
    Path json = dir.resolve("result.json");
    Files.writeString(json, """
        [
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_sdk", "mode": "avgt",
           "primaryMetric": {"score": 105.04, "scoreError": 2.0, "scoreUnit": "us/op"},
           "secondaryMetrics": {"·cpu.process": {"score": 150.0, "scoreError": 9.0, "scoreUnit": "us/op"},
                                "gc.alloc.rate.norm": {"score": 21000.4, "scoreUnit": "B/op"},
                                "gc.count": {"score": 3.0, "scoreUnit": "counts"}}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_sdk", "mode": "sample",
           "primaryMetric": {"score": 110.0, "scoreError": 3.0, "scoreUnit": "us/op",
                             "scorePercentiles": {"0.0": 50.0, "50.0": 100.0, "90.0": 150.0,
                                                  "99.0": 400.0, "100.0": 9000.0}}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_sdk", "mode": "thrpt",
           "primaryMetric": {"score": 0.0095, "scoreError": 0.0002, "scoreUnit": "ops/us"}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_plain", "mode": "avgt",
           "primaryMetric": {"score": 0.1, "scoreError": "NaN", "scoreUnit": "ms/op"},
           "secondaryMetrics": {"·cpu.process": {"score": 120.0, "scoreUnit": "us/op"},
                                "gc.alloc.rate.norm": {"score": 14000.0, "scoreUnit": "B/op"}}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_plain", "mode": "sample",
           "primaryMetric": {"score": 104.0, "scoreError": 3.0, "scoreUnit": "us/op",
                             "scorePercentiles": {"50.0": 98.0, "99.0": 320.0}}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.sync_plain", "mode": "thrpt",
           "primaryMetric": {"score": 10000.0, "scoreError": 150.0, "scoreUnit": "ops/s"}},
          {"benchmark": "zone.dimo.sdk.benchmarks.CallOverheadBenchmark.async_sdk", "mode": "avgt",
           "primaryMetric": {"score": 120.0, "scoreError": 1.0, "scoreUnit": "us/op"}},
          {"benchmark": "zone.dimo.sdk.benchmarks.SigningBenchmark.recover_web3j", "mode": "thrpt",
           "primaryMetric": {"score": 8603.0, "scoreError": 245.0, "scoreUnit": "ops/s"}}
        ]
        """);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OverheadReport.print(RatioReport.read(json), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(
        """
        | case | metric | sdk | plain | sdk ÷ plain |
        |---|---|---:|---:|---:|
        | sync | avgt (µs/call) | 105.0 ± 2.0 | 100.0 | 1.050 |
        | sync | cpu (µs/call) | 150.0 | 120.0 | 1.250 |
        | sync | alloc (B/call) | 21,000 | 14,000 | 1.500 |
        | sync | p50 (µs/call) | 100.0 | 98.0 | 1.020 |
        | sync | p99 (µs/call) | 400.0 | 320.0 | 1.250 |
        | sync | thrpt (calls/s) | 9,500 ± 200 | 10,000 ± 150 | 0.950 |
        | async | avgt (µs/call) | 120.0 ± 1.0 | – | – |
        """,
        bytes.toString(StandardCharsets.UTF_8));
  }
}
