package zone.dimo.sdk.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Okio;

/**
 * Prints the SDK-to-web3j ratio table from a JMH JSON result ({@code -rf json -rff FILE}):
 * {@code case | sdk ops/s | web3j ops/s | sdk ÷ web3j}, one row per {@code <case>_sdk} /
 * {@code <case>_web3j} pair, as a Markdown table.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar zone.dimo.sdk.benchmarks.RatioReport FILE}
 */
public final class RatioReport {
  private RatioReport() {}

  /**
   * One JMH result: the benchmark method's simple name, its mode ({@code thrpt}, {@code avgt},
   * {@code sample}, ...), score, score error and unit, and for sampling runs the percentiles JMH
   * reports (keyed as in its JSON, e.g. {@code "99.0"}), and the scores of the secondary metrics
   * profilers added (e.g. {@code "gc.alloc.rate.norm"}).
   */
  record Score(String method, String mode, double score, double error, String unit,
      Map<String, Double> percentiles, Map<String, Double> secondary) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RatioReport JMH_RESULT.json");
      System.exit(2);
    }
    print(read(Paths.get(args[0])), System.out);
  }

  static List<Score> read(Path jmhJson) throws IOException {
    List<Score> scores = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(jmhJson)))) {
      reader.beginArray();
      while (reader.hasNext()) {
        scores.add(readResult(reader));
      }
      reader.endArray();
    }
    return scores;
  }

  private static Score readResult(JsonReader reader) throws IOException {
    String benchmark = null;
    String mode = "thrpt";
    Map<String, Double> percentiles = new LinkedHashMap<>();
    Map<String, Double> secondary = new LinkedHashMap<>();
    double score = Double.NaN;
    double error = Double.NaN;
    String unit = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.equals("benchmark")) {
        benchmark = reader.nextString();
      } else if (name.equals("mode")) {
        mode = reader.nextString();
      } else if (name.equals("primaryMetric")) {
        reader.beginObject();
        while (reader.hasNext()) {
          switch (reader.nextName()) {
            case "score" -> score = readDouble(reader);
            case "scoreError" -> error = readDouble(reader);
            case "scoreUnit" -> unit = reader.nextString();
            case "scorePercentiles" -> {
              reader.beginObject();
              while (reader.hasNext()) {
                percentiles.put(reader.nextName(), readDouble(reader));
              }
              reader.endObject();
            }
            default -> reader.skipValue();
          }
        }
        reader.endObject();
      } else if (name.equals("secondaryMetrics")) {
        reader.beginObject();
        while (reader.hasNext()) {
          String metric = reader.nextName();
          reader.beginObject();
          while (reader.hasNext()) {
            if (reader.nextName().equals("score")) {
              secondary.put(metric, readDouble(reader));
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
        }
        reader.endObject();
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    if (benchmark == null || Double.isNaN(score)) {
      throw new IOException("not a JMH result: an entry has no benchmark name or score");
    }
    return new Score(benchmark.substring(benchmark.lastIndexOf('.') + 1), mode, score, error, unit,
        Map.copyOf(percentiles), Map.copyOf(secondary));
  }

  // JMH writes "NaN" as a string when there were too few iterations for an error estimate.
  private static double readDouble(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.STRING) {
      return Double.parseDouble(reader.nextString());
    }
    return reader.nextDouble();
  }

  static void print(List<Score> scores, PrintStream out) {
    Map<String, Score[]> pairs = new LinkedHashMap<>();
    for (Score score : scores) {
      int underscore = score.method().lastIndexOf('_');
      if (underscore < 0) {
        continue;
      }
      String side = score.method().substring(underscore + 1);
      int index = side.equals("sdk") ? 0 : side.equals("web3j") ? 1 : -1;
      if (index >= 0) {
        pairs.computeIfAbsent(score.method().substring(0, underscore), k -> new Score[2])[index] = score;
      }
    }
    out.println("| case | sdk ops/s | web3j ops/s | sdk ÷ web3j |");
    out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, Score[]> pair : pairs.entrySet()) {
      Score sdk = pair.getValue()[0];
      Score web3j = pair.getValue()[1];
      String ratio = sdk != null && web3j != null ? String.format(Locale.ROOT, "%.2f×", sdk.score() / web3j.score()) : "–";
      out.println("| " + pair.getKey() + " | " + format(sdk) + " | " + format(web3j) + " | " + ratio + " |");
    }
  }

  private static String format(Score score) {
    if (score == null) {
      return "–";
    }
    if (score.unit() != null && !score.unit().equals("ops/s")) {
      throw new IllegalArgumentException(score.method() + " is in " + score.unit() + ", not ops/s; run JMH with -tu s");
    }
    String value = String.format(Locale.ROOT, "%,.0f", score.score());
    return Double.isNaN(score.error()) ? value : value + String.format(Locale.ROOT, " ± %,.0f", score.error());
  }
}
