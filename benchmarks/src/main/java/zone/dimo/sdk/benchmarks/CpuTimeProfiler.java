package zone.dimo.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM per operation ({@code ·cpu.process}, µs/op): the loopback
 * server, the client, its dispatcher threads, GC and JIT together. On a machine shared with other
 * work, wall-clock latency mostly measures how long threads wait for a core; the CPU an operation
 * burns does not depend on that, so it shows what each stack costs even under load.
 *
 * <p>Use with {@code -prof zone.dimo.sdk.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  static final String METRIC = "·cpu.process";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long startNanos;

  @Override
  public String getDescription() {
    return "process CPU time per operation (all threads of the benchmark JVM)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startNanos = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - startNanos;
    long ops = result.getMetadata().getAllOps();
    double microsPerOp = ops == 0 ? Double.NaN : cpuNanos / 1_000.0 / ops;
    return List.of(new ScalarResult(METRIC, microsPerOp, "us/op", AggregationPolicy.AVG));
  }
}
