package zone.dimo.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioReportTest {
  @TempDir Path dir;

  @Test
  void pairsSdkAndWeb3jResultsIntoRatios() throws IOException {
    Path json = dir.resolve("result.json");
    Files.writeString(json, """
        [
          {"jmhVersion": "1.37", "benchmark": "zone.dimo.sdk.benchmarks.SigningBenchmark.digestParsed_sdk",
           "mode": "thrpt", "threads": 1, "forks": 1,
           "primaryMetric": {"score": 250000.4, "scoreError": 1234.5, "scoreConfidence": [1, 2],
                             "scoreUnit": "ops/s", "rawData": [[1.0, 2.0]]},
           "secondaryMetrics": {}},
          {"benchmark": "zone.dimo.sdk.benchmarks.SigningBenchmark.digestParsed_web3j",
           "primaryMetric": {"score": 10000.0, "scoreError": "NaN", "scoreUnit": "ops/s"}},
          {"benchmark": "zone.dimo.sdk.benchmarks.SigningBenchmark.recover_sdk",
           "primaryMetric": {"score": 3000.0, "scoreError": 10.0, "scoreUnit": "ops/s"}}
        ]
        """);

    List<RatioReport.Score> scores = RatioReport.read(json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RatioReport.print(scores, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(
        """
        | case | sdk ops/s | web3j ops/s | sdk ÷ web3j |
        |---|---:|---:|---:|
        | digestParsed | 250,000 ± 1,235 | 10,000 | 25.00× |
        | recover | 3,000 ± 10 | – | – |
        """,
        bytes.toString(StandardCharsets.UTF_8));
  }
}
