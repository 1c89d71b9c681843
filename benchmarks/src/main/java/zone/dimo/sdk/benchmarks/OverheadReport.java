package zone.dimo.sdk.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the SDK-to-plain-stack table of {@link CallOverheadBenchmark} from a JMH JSON result
 * ({@code -rf json -rff FILE}), as Markdown: one row per case and metric, with
 * {@code sdk ÷ plain}. Latencies (average, and the median and 99th percentile of sampling runs)
 * are in µs per call, so a ratio above 1 means the SDK is slower; throughput is in calls per
 * second, so there a ratio below 1 means the SDK is slower. When the run had
 * {@code -prof zone.dimo.sdk.benchmarks.CpuTimeProfiler} and {@code -prof gc}, the average-time
 * results also give the process CPU time and the bytes allocated per call.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar zone.dimo.sdk.benchmarks.OverheadReport FILE}
 */
public final class OverheadReport {
  private OverheadReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: OverheadReport JMH_RESULT.json");
      System.exit(2);
    }
    print(RatioReport.read(Paths.get(args[0])), System.out);
  }

  static void print(List<RatioReport.Score> scores, PrintStream out) {
    // case -> metric -> {sdk, plain}, in the order JMH wrote them
    Map<String, Map<String, Metric[]>> rows = new LinkedHashMap<>();
    for (RatioReport.Score score : scores) {
      int underscore = score.method().lastIndexOf('_');
      if (underscore < 0) {
        continue;
      }
      String side = score.method().substring(underscore + 1);
      int index = side.equals("sdk") ? 0 : side.equals("plain") ? 1 : -1;
      if (index < 0) {
        continue;
      }
      Map<String, Metric[]> row =
          rows.computeIfAbsent(score.method().substring(0, underscore), k -> new LinkedHashMap<>());
      for (Metric metric : metrics(score)) {
        row.computeIfAbsent(metric.label(), k -> new Metric[2])[index] = metric;
      }
    }
    out.println("| case | metric | sdk | plain | sdk ÷ plain |");
    out.println("|---|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, Metric[]>> row : rows.entrySet()) {
      for (Map.Entry<String, Metric[]> cell : row.getValue().entrySet()) {
        Metric sdk = cell.getValue()[0];
        Metric plain = cell.getValue()[1];
        String ratio = sdk == null || plain == null
            ? "–" : String.format(Locale.ROOT, "%.3f", sdk.value() / plain.value());
        out.println("| " + row.getKey() + " | " + cell.getKey() + " | "
            + (sdk == null ? "–" : sdk.text()) + " | " + (plain == null ? "–" : plain.text())
            + " | " + ratio + " |");
      }
    }
  }

  private record Metric(String label, double value, String text) {}

  private static List<Metric> metrics(RatioReport.Score score) {
    switch (score.mode()) {
      case "thrpt": {
        double perSecond = score.score() * perSecond(score);
        double error = score.error() * perSecond(score);
        return List.of(new Metric("thrpt (calls/s)", perSecond, withError("%,.0f", perSecond, error)));
      }
      case "avgt": {
        double micros = score.score() * micros(score);
        double error = score.error() * micros(score);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("avgt (µs/call)", micros, withError("%,.1f", micros, error)));
        Double cpu = score.secondary().get(CpuTimeProfiler.METRIC);
        if (cpu != null) {
          metrics.add(new Metric("cpu (µs/call)", cpu, String.format(Locale.ROOT, "%,.1f", cpu)));
        }
        Double alloc = score.secondary().get("gc.alloc.rate.norm");
        if (alloc != null) {
          metrics.add(new Metric("alloc (B/call)", alloc, String.format(Locale.ROOT, "%,.0f", alloc)));
        }
        return metrics;
      }
      case "sample": {
        double scale = micros(score);
        Double p50 = score.percentiles().get("50.0");
        Double p99 = score.percentiles().get("99.0");
        if (p50 == null || p99 == null) {
          throw new IllegalArgumentException(score.method() + ": sampling result without percentiles");
        }
        return List.of(
            new Metric("p50 (µs/call)", p50 * scale, String.format(Locale.ROOT, "%,.1f", p50 * scale)),
            new Metric("p99 (µs/call)", p99 * scale, String.format(Locale.ROOT, "%,.1f", p99 * scale)));
      }
      default:
        return List.of();
    }
  }

  private static String withError(String format, double value, double error) {
    String text = String.format(Locale.ROOT, format, value);
    return Double.isNaN(error) ? text : text + " ± " + String.format(Locale.ROOT, format, error);
  }

  /** Factor from the score's time unit per operation to µs per operation. */
  private static double micros(RatioReport.Score score) {
    return switch (score.unit()) {
      case "s/op" -> 1e6;
      case "ms/op" -> 1e3;
      case "us/op" -> 1;
      case "ns/op" -> 1e-3;
      default -> throw new IllegalArgumentException(score.method() + ": unexpected unit " + score.unit());
    };
  }

  /** Factor from the score's operations per time unit to operations per second. */
  private static double perSecond(RatioReport.Score score) {
    return switch (score.unit()) {
      case "ops/s" -> 1;
      case "ops/ms" -> 1e3;
      case "ops/us" -> 1e6;
      case "ops/ns" -> 1e9;
      default -> throw new IllegalArgumentException(score.method() + ": unexpected unit " + score.unit());
    };
  }
}
